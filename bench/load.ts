import { performance } from 'node:perf_hooks';

/**
 * Sends request number `index` (each names a different client) and says what came back: a whole,
 * error-free answer, a refusal to take the request now (503 OVERLOADED), or anything else. Every
 * run counts from 0, so each target is sent the same requests.
 */
export type Send = (index: number) => Promise<Outcome>;
export type Outcome = 'ok' | 'refused' | 'failed';

export interface LoadResult {
  /** Closed: a fixed number of connections, each sending as soon as its answer comes. Open: a fixed arrival rate. */
  mode: 'closed' | 'open';
  connections?: number;
  targetRate?: number;
  seconds: number;
  completed: number;
  /** Whole answers that came within 2 s, One Window's time-out for a subgraph: what a caller still waits for. */
  timely: number;
  failed: number;
  /** Requests the target refused at once as over its capacity, and how quickly it said so. */
  refused: number;
  refusedLatencyMs?: { p50: number; p99: number };
  /** Overload: twice One Window's measured capacity; recovery: one connection as soon as it ends. */
  phase?: 'overload' | 'recovery';
  /** Open loop only: arrivals not sent because too many requests were already waiting (the target is saturated). */
  dropped: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

const TIMELY_MS = 2_000;

/** What a run saw: the time of each whole answer and of each refusal, and how many failed. */
class Tally {
  readonly answered: number[] = [];
  readonly refused: number[] = [];
  failed = 0;

  count(outcome: Outcome, ms: number): void {
    if (outcome === 'ok') this.answered.push(ms);
    else if (outcome === 'refused') this.refused.push(ms);
    else this.failed += 1;
  }

  summary(mode: LoadResult['mode'], seconds: number, extra: Partial<LoadResult>): LoadResult {
    const answered = percentiles(this.answered);
    const refused = percentiles(this.refused);
    return {
      mode,
      seconds,
      completed: this.answered.length,
      timely: this.answered.filter((ms) => ms <= TIMELY_MS).length,
      failed: this.failed,
      refused: this.refused.length,
      ...(this.refused.length ? { refusedLatencyMs: { p50: refused(0.5), p99: refused(0.99) } } : {}),
      dropped: 0,
      requestsPerSecond: round(this.answered.length / seconds),
      latencyMs: {
        p50: answered(0.5),
        p90: answered(0.9),
        p99: answered(0.99),
        max: answered(1),
      },
      ...extra,
    };
  }
}

function percentiles(values: number[]): (share: number) => number {
  const sorted = [...values].sort((a, b) => a - b);
  return (share) =>
    sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]) : 0;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** `connections` loops, each sending its next request as soon as the last is answered, for `seconds`. */
export async function closedLoop(send: Send, connections: number, seconds: number): Promise<LoadResult> {
  const tally = new Tally();
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const outcome = await send(next++).catch((): Outcome => 'failed');
      tally.count(outcome, performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return tally.summary('closed', seconds, { connections });
}

/**
 * Requests arriving at `rate` per second whatever the answers do, as users arrive at a service.
 * Latency counts from when a request was due, so a stalled target is not excused by sending less
 * (no coordinated omission). Beyond `maxInFlight` waiting requests, arrivals are dropped and counted.
 */
export async function openLoop(
  send: Send,
  rate: number,
  seconds: number,
  maxInFlight = 500,
): Promise<LoadResult> {
  const tally = new Tally();
  let dropped = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        const due = start + next * interval;
        next += 1;
        if (inFlight >= maxInFlight) {
          dropped += 1;
          continue;
        }
        inFlight += 1;
        const request = send(next - 1)
          .catch((): Outcome => 'failed')
          .then((outcome) => {
            inFlight -= 1;
            tally.count(outcome, performance.now() - due);
          });
        pending.add(request);
        void request.finally(() => pending.delete(request));
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  return tally.summary('open', seconds, { targetRate: rate, dropped });
}
