import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { Writable } from 'node:stream';
import { maskInternalErrors } from '../../platform/mask-errors';
import { createLogger } from '../../platform/observability/logger';
import { inRequestRecord } from '../../platform/observability/request-record';
import { CallGuard, ServiceFailure } from '../../platform/resilience/call-guard';
import {
  DeadlinePassed,
  deadlineHeaders,
  deadlineOf,
  DEADLINE_HEADER,
  remainingMs,
} from '../../platform/resilience/deadline';
import { RetryBudget } from '../../platform/resilience/retry-budget';
import { DEFAULT_RESILIENCE, ResilienceSettings } from '../../platform/resilience/settings';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A call that answers after `ms`, or stops when its signal aborts, as an HTTP call does. */
const answerAfter = (ms: number) => (signal: AbortSignal) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => resolve('answer'), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    });
  });

function guard(settings: Partial<ResilienceSettings> = {}) {
  const states: string[] = [];
  const calls = { made: 0 };
  const target = new CallGuard(
    'cbsa-border',
    { ...DEFAULT_RESILIENCE, breakerMinimumCalls: 4, breakerWindowMs: 5_000, ...settings },
    { breakerChanged: (_, state) => states.push(state) },
  );
  const run = (call: (signal: AbortSignal) => Promise<string>) =>
    target.run('query', (signal) => {
      calls.made += 1;
      return call(signal);
    });
  return { target, run, states, calls };
}

/** Runs `work` as part of a request whose deadline is `ms` from now. */
const withinRequest = <T>(ms: number, work: () => Promise<T>) =>
  inRequestRecord({ deadline: performance.now() + ms }, work);

describe("a request's deadline", () => {
  it('bounds a call by what is left of it when that is nearer than the time-out', async () => {
    const { run } = guard({ timeoutMs: 2_000 });
    const started = performance.now();
    await expect(withinRequest(150, () => run(answerAfter(5_000)))).rejects.toMatchObject({
      reason: 'timeout',
    });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(1_000);
  });

  it('does not send a call at all once it has passed', async () => {
    const { run, calls } = guard();
    await expect(withinRequest(-1, () => run(answerAfter(1)))).rejects.toMatchObject({ reason: 'timeout' });
    expect(calls.made).toBe(0);
  });

  it('tells the service called how long its caller will wait: the call’s time-out, or the request’s deadline if nearer', async () => {
    const { run } = guard({ timeoutMs: 2_000 });
    const told: Record<string, string>[] = [];
    const tell = async () => {
      told.push(deadlineHeaders());
      return 'answer';
    };
    await run(tell);
    await withinRequest(500, () => run(tell));
    expect(Number(told[0][DEADLINE_HEADER])).toBeGreaterThan(1_900);
    expect(Number(told[0][DEADLINE_HEADER])).toBeLessThanOrEqual(2_000);
    expect(Number(told[1][DEADLINE_HEADER])).toBeGreaterThan(400);
    expect(Number(told[1][DEADLINE_HEADER])).toBeLessThanOrEqual(500);
    expect(deadlineHeaders()).toEqual({});
  });

  it('can be shortened by a caller, never lengthened, and ignores what is not a number of milliseconds', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.nat(100_000), { nil: undefined }),
        (header, own) => {
          const before = performance.now();
          const deadline = deadlineOf(header, own);
          if (deadline === undefined) {
            expect(own).toBeUndefined();
            return;
          }
          expect(Number.isFinite(deadline)).toBe(true);
          if (own !== undefined) expect(deadline - before).toBeLessThanOrEqual(own + 5);
        },
      ),
    );
    const now = performance.now();
    expect(deadlineOf('250', 10_000)! - now).toBeLessThan(300);
    expect(deadlineOf('99999999', 10_000)! - now).toBeLessThanOrEqual(10_050);
    for (const junk of ['-5', '1e3', ' 100', 'soon', '0'])
      expect(deadlineOf(junk, 10_000)! - now).toBeGreaterThan(9_000);
    expect(deadlineOf('300')! - now).toBeLessThan(350);
    expect(inRequestRecord({}, remainingMs)).toBe(Infinity);
  });
});

describe('the breaker', () => {
  it('stays closed for a service that times out under load while it still answers other calls', async () => {
    const { run, states } = guard({ timeoutMs: 200, retries: 0 });
    const calls = Array.from({ length: 12 }, (_, i) =>
      run(answerAfter(i % 3 === 0 ? 50 : 1_000)).catch((error: ServiceFailure) => error.reason),
    );
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((outcome) => outcome === 'timeout')).toHaveLength(8);
    expect(states).not.toContain('open');
  });

  it('opens for a service that has answered nothing for a whole time-out', async () => {
    const { run, states } = guard({ timeoutMs: 100, retries: 0 });
    await sleep(120);
    for (let i = 0; i < 6; i += 1) await run(answerAfter(1_000)).catch(() => undefined);
    expect(states).toContain('open');
    await expect(run(answerAfter(1))).rejects.toMatchObject({ reason: 'circuit-open' });
  });

  it("stays closed when calls are cut short by their callers' deadlines, however many", async () => {
    // A quiet service (nothing answered for longer than its time-out), asked by callers in a hurry.
    const { run, states } = guard({ timeoutMs: 30, retries: 0 });
    await sleep(50);
    for (let i = 0; i < 8; i += 1)
      await withinRequest(20, () => run(answerAfter(100))).catch(() => undefined);
    expect(states).not.toContain('open');
    expect(await run(answerAfter(1))).toBe('answer');
  });

  it('stays closed for a service shedding load that says when to come back, and opens for one that fails', async () => {
    const shed = guard({ retries: 0 });
    for (let i = 0; i < 8; i += 1)
      await shed
        .run(() => Promise.reject(new ServiceFailure('overloaded', 'HTTP 503', 1_000)))
        .catch(() => undefined);
    expect(shed.states).not.toContain('open');
    const failing = guard({ retries: 0 });
    for (let i = 0; i < 8; i += 1)
      await failing
        .run(() => Promise.reject(new ServiceFailure('server-error', 'HTTP 500')))
        .catch(() => undefined);
    expect(failing.states).toContain('open');
  });
});

describe('the retry budget', () => {
  it('lets an occasional failure be retried', async () => {
    const { run, calls } = guard({ retries: 2, breakerMinimumCalls: 1_000 });
    let failures = 1;
    const answer = await run(async () => {
      if (failures-- > 0) throw new ServiceFailure('unreachable', 'ECONNREFUSED');
      return 'answer';
    });
    expect(answer).toBe('answer');
    expect(calls.made).toBe(2);
  });

  it('retries at most a fifth of the calls plus ten a second, with a hundred saved, however many fail', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50), fc.boolean()), { minLength: 1, maxLength: 2_000 }),
        (steps) => {
          let now = 0;
          const clock = jest.spyOn(performance, 'now').mockImplementation(() => now);
          try {
            const budget = new RetryBudget();
            let calls = 0;
            let retries = 0;
            for (const [ms, failed] of steps) {
              now += ms;
              budget.deposit();
              calls += 1;
              if (failed && budget.withdraw()) retries += 1;
            }
            expect(retries).toBeLessThanOrEqual(100 + 0.2 * calls + (now / 1000) * 10 + 1e-9);
          } finally {
            clock.mockRestore();
          }
        },
      ),
    );
  });
});

describe('work stopped at a deadline', () => {
  /** Masks `error` as the HTTP front does, and returns the levels of the lines it logged. */
  function maskedAndLogged(error: Error) {
    const lines: { level: string; msg: string }[] = [];
    const logger = createLogger(
      'test',
      new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          lines.push(JSON.parse(chunk.toString()) as { level: string; msg: string });
          done();
        },
      }),
    );
    logger.level = 'debug';
    const formatted = inRequestRecord({ logger }, () =>
      maskInternalErrors(
        { message: error.message, path: ['client'] },
        new GraphQLError(error.message, { originalError: error, path: ['client'] }),
      ),
    );
    return { formatted, levels: lines.map((line) => line.level) };
  }

  it('is masked like every other fault, but logged at debug level, so a caller’s small deadlines cannot flood the error log', () => {
    const stopped = maskedAndLogged(new DeadlinePassed());
    expect(stopped.formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(stopped.levels).toEqual(['debug']);
    const fault = maskedAndLogged(new Error('relation "client" does not exist'));
    expect(fault.levels).toContain('error');
  });
});
