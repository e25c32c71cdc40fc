import fc from 'fast-check';
import {
  AdaptiveLimit,
  adaptiveLimitSettings,
  AdaptiveLimitSettings,
  DEFAULT_ADAPTIVE_LIMIT,
} from '../../platform/traffic/adaptive-limit';
import { Admission, Slot } from '../../platform/traffic/admission';

/** A limit on a clock the test moves: each window of samples is 50 ms long. */
function limitOnClock(settings: Partial<AdaptiveLimitSettings> = {}) {
  let now = 0;
  const limit = new AdaptiveLimit({ ...DEFAULT_ADAPTIVE_LIMIT, ...settings }, () => now);
  /** `windows` windows of requests taking `rttMs`, with `inFlight` running (the limit itself when omitted). */
  const run = (windows: number, rttMs: number, inFlight?: number) => {
    for (let w = 0; w < windows; w += 1) {
      for (let s = 0; s < DEFAULT_ADAPTIVE_LIMIT.windowSamples; s += 1)
        limit.sample(rttMs, inFlight ?? limit.limit);
      now += DEFAULT_ADAPTIVE_LIMIT.windowMs;
    }
  };
  return { limit, run };
}

describe('the adaptive concurrency limit', () => {
  it('grows while requests keep their usual time and the limit is in use', () => {
    const { limit, run } = limitOnClock();
    run(50, 10);
    expect(limit.limit).toBeGreaterThan(DEFAULT_ADAPTIVE_LIMIT.initialLimit * 2);
  });

  it('does not grow on quick answers while few requests run: nothing is learned about more', () => {
    const { limit, run } = limitOnClock();
    run(200, 10, 3);
    expect(limit.limit).toBe(DEFAULT_ADAPTIVE_LIMIT.initialLimit);
  });

  it('shrinks when requests take much longer than they usually do, and grows back when they no longer do', () => {
    const { limit, run } = limitOnClock();
    run(100, 10);
    const learned = limit.limit;
    run(30, 40);
    const squeezed = limit.limit;
    expect(squeezed).toBeLessThan(learned / 2);
    run(30, 10);
    expect(limit.limit).toBeGreaterThan(squeezed * 2);
  });

  /**
   * A process that serves `capacity` requests at once in `baseMs(t)` each (give or take half) and
   * proportionally slower past that, always with more waiting than the limit lets in, for
   * `seconds` on a 1 ms clock. Returns the limit and the usual time each second.
   */
  function overloaded(capacity: number, baseMs: (t: number) => number, seconds: number) {
    let now = 0;
    const limit = new AdaptiveLimit(DEFAULT_ADAPTIVE_LIMIT, () => now);
    let running: { start: number; end: number }[] = [];
    let started = 0;
    const perSecond: { limit: number; usualMs: number }[] = [];
    for (; now < seconds * 1000; now += 1) {
      const done = running.filter((r) => r.end <= now);
      running = running.filter((r) => r.end > now);
      for (const r of done) limit.sample(now - r.start, running.length + 1);
      while (running.length < limit.limit) {
        const spread = 0.5 + ((started++ * 7919) % 100) / 100;
        const queueing = Math.max(1, (running.length + 1) / capacity);
        running.push({ start: now, end: now + baseMs(now) * spread * queueing });
      }
      if (now % 1000 === 999) perSecond.push({ limit: limit.limit, usualMs: limit.typicalMs });
    }
    return perSecond;
  }

  it('holds a sustained overload near capacity for a minute, requests within twice their unloaded time', () => {
    const seconds = overloaded(30, () => 10, 60).slice(5);
    for (const { limit, usualMs } of seconds) {
      // Past 30 at once, each request is slower in proportion: 60 at once is twice the time.
      expect(limit).toBeLessThanOrEqual(60);
      expect(usualMs).toBeLessThan(13);
    }
  });

  it('learns heavier work within one probe, instead of taking it for overload', () => {
    const seconds = overloaded(30, (t) => (t < 20_000 ? 10 : 40), 45);
    const settled = seconds.slice(20 + DEFAULT_ADAPTIVE_LIMIT.probeEveryMs / 1000 + 2);
    for (const { limit, usualMs } of settled) {
      expect(usualMs).toBeGreaterThan(30);
      expect(limit).toBeGreaterThanOrEqual(30);
    }
  });

  it('stays within its bounds whatever times and loads it is shown', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 60_000, noNaN: true }), fc.nat(5_000)), {
          maxLength: 500,
        }),
        fc.integer({ min: 1, max: 50 }),
        (samples, minLimit) => {
          const settings = { ...DEFAULT_ADAPTIVE_LIMIT, minLimit, maxLimit: minLimit + 100, windowMs: 0 };
          const limit = new AdaptiveLimit(settings, () => 0);
          for (const [rtt, inFlight] of samples) {
            limit.sample(rtt, inFlight);
            expect(Number.isFinite(limit.limit)).toBe(true);
            expect(limit.limit).toBeGreaterThanOrEqual(Math.floor(Math.min(minLimit, settings.initialLimit)));
            expect(limit.limit).toBeLessThanOrEqual(settings.maxLimit);
          }
        },
      ),
    );
  });

  it('is adaptive by default, fixed or off as ONE_WINDOW_CONCURRENCY says, and refuses nonsense', () => {
    expect(adaptiveLimitSettings({})).toEqual(DEFAULT_ADAPTIVE_LIMIT);
    expect(adaptiveLimitSettings({ ONE_WINDOW_CONCURRENCY: 'off' })).toBe('off');
    expect(adaptiveLimitSettings({ ONE_WINDOW_CONCURRENCY: '64' })).toMatchObject({
      initialLimit: 64,
      minLimit: 64,
      maxLimit: 64,
    });
    expect(adaptiveLimitSettings({ ONE_WINDOW_CONCURRENCY_MAX: '10' })).toMatchObject({
      initialLimit: 10,
      maxLimit: 10,
    });
    expect(() => adaptiveLimitSettings({ ONE_WINDOW_CONCURRENCY: 'lots' })).toThrow(/ONE_WINDOW_CONCURRENCY/);
    expect(() => adaptiveLimitSettings({ ONE_WINDOW_CONCURRENCY: '0' })).toThrow(/ONE_WINDOW_CONCURRENCY/);
    expect(() => adaptiveLimitSettings({ ONE_WINDOW_CONCURRENCY_MAX: '2' })).toThrow(/at least/);
  });
});

describe('admission control', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const fixed = (n: number) =>
    new AdaptiveLimit({ ...DEFAULT_ADAPTIVE_LIMIT, initialLimit: n, minLimit: n, maxLimit: n });

  /** What each request has been told so far; one still waiting is 'waiting'. */
  async function settled(pending: Promise<Slot | null>[]): Promise<(Slot | null | 'waiting')[]> {
    await Promise.resolve();
    return Promise.all(
      pending.map((p) => Promise.race<Slot | null | 'waiting'>([p, Promise.resolve('waiting')])),
    );
  }

  it('lets the limit run at once, holds the next in a burst and hands it the first freed place', async () => {
    const gate = new Admission(fixed(2));
    const [a, b, c] = await settled([gate.acquire(), gate.acquire(), gate.acquire()]);
    expect([a, b].every((slot) => slot && slot !== 'waiting')).toBe(true);
    expect(c).toBe('waiting');
    const third = gate.acquire();
    (a as Slot).release(10);
    jest.advanceTimersByTime(1);
    expect(gate.inFlight).toBe(2);
    expect(await settled([third])).toEqual(['waiting']);
  });

  it('refuses a request of a burst that found no place within a second', async () => {
    const refused: string[] = [];
    const gate = new Admission(fixed(1), { refused: (reason) => refused.push(reason) });
    await gate.acquire();
    const waiting = gate.acquire();
    jest.advanceTimersByTime(999);
    expect(await settled([waiting])).toEqual(['waiting']);
    jest.advanceTimersByTime(2);
    expect(await waiting).toBeNull();
    expect(refused).toEqual(['waited-too-long']);
  });

  it('under a standing queue serves the newest first, and none waits more than twice the usual time', async () => {
    const gate = new Admission(fixed(1));
    const first = (await gate.acquire())!;
    const old = gate.acquire();
    // The queue has not emptied for ten usual times (50 ms before any request was timed): the
    // burst's second of waiting is over for the one who came first.
    jest.advanceTimersByTime(600);
    const newer = gate.acquire();
    const newest = gate.acquire();
    expect(await old).toBeNull();
    first.release();
    expect(await settled([newer, newest])).toEqual(['waiting', expect.anything()]);
    jest.advanceTimersByTime(101);
    expect(await newer).toBeNull();
  });

  it('forgets a waiting request whose caller left, without counting it as refused', async () => {
    const refused: string[] = [];
    const gate = new Admission(fixed(1), { refused: (reason) => refused.push(reason) });
    const first = (await gate.acquire())!;
    const leaving = new AbortController();
    const left = gate.acquire(leaving.signal);
    const staying = gate.acquire();
    leaving.abort();
    expect(await left).toBeNull();
    first.release();
    expect(await staying).not.toBeNull();
    expect(refused).toEqual([]);
    expect(gate.inFlight).toBe(1);
  });

  it('waits no longer than what is left of the request, and not at all when nothing is', async () => {
    const gate = new Admission(fixed(1));
    await gate.acquire();
    const short = gate.acquire(undefined, 30);
    jest.advanceTimersByTime(31);
    expect(await short).toBeNull();
    expect(await gate.acquire(undefined, 0)).toBeNull();
  });

  it('refuses at once a request whose body would take those waiting past 64 MiB', async () => {
    const refused: string[] = [];
    const gate = new Admission(fixed(1), { refused: (reason) => refused.push(reason) });
    const first = (await gate.acquire())!;
    const big = gate.acquire(undefined, Infinity, 40 * 1024 * 1024);
    expect(await gate.acquire(undefined, Infinity, 30 * 1024 * 1024)).toBeNull();
    expect(refused).toEqual(['queue-full']);
    first.release();
    expect(await big).not.toBeNull();
    expect(await settled([gate.acquire(undefined, Infinity, 30 * 1024 * 1024)])).toEqual(['waiting']);
  });

  it('releases a place once, however often its release is called', async () => {
    const gate = new Admission(fixed(2));
    const slot = (await gate.acquire())!;
    await gate.acquire();
    slot.release(10);
    slot.release(10);
    expect(gate.inFlight).toBe(1);
  });

  it('never runs more than the limit, and answers every request exactly once, in any order of events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(
          fc.oneof(
            fc.constant({ kind: 'arrive' as const }),
            fc.record({ kind: fc.constant('finish' as const), which: fc.nat(), sample: fc.boolean() }),
            fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 1_500 }) }),
          ),
          { maxLength: 200 },
        ),
        async (n, events) => {
          const gate = new Admission(fixed(n));
          const running: Slot[] = [];
          const answers: (Slot | null)[] = [];
          let asked = 0;
          const ask = () => {
            asked += 1;
            void gate.acquire().then((slot) => {
              answers.push(slot);
              if (slot) running.push(slot);
            });
          };
          for (const event of events) {
            if (event.kind === 'arrive') ask();
            else if (event.kind === 'finish' && running.length > 0)
              running.splice(event.which % running.length, 1)[0].release(event.sample ? 10 : undefined);
            else if (event.kind === 'wait') jest.advanceTimersByTime(event.ms);
            await Promise.resolve();
            await Promise.resolve();
            expect(gate.inFlight).toBeLessThanOrEqual(n);
          }
          while (running.length > 0) {
            running.pop()!.release();
            await Promise.resolve();
            await Promise.resolve();
          }
          jest.advanceTimersByTime(2_000);
          for (let i = 0; i < 4; i += 1) await Promise.resolve();
          while (running.length > 0) running.pop()!.release();
          expect(answers).toHaveLength(asked);
        },
      ),
      { numRuns: 300 },
    );
  });
});
