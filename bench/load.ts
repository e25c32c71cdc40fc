import { performance } from 'node:perf_hooks';

/**
 * Sends request number `index` (each names a different client) and says whether a whole,
 * error-free answer came. Every run counts from 0, so each target is sent the same requests.
 */
export type Send = (index: number) => Promise<boolean>;

export interface LoadResult {
  /** Closed: a fixed number of connections, each sending as soon as its answer comes. Open: a fixed arrival rate. */
  mode: 'closed' | 'open';
  connections?: number;
  targetRate?: number;
  seconds: number;
  completed: number;
  failed: number;
  /** Open loop only: arrivals not sent because too many requests were already waiting (the target is saturated). */
  dropped: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

function summary(
  mode: LoadResult['mode'],
  seconds: number,
  latencies: number[],
  failed: number,
  extra: Partial<LoadResult>,
): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (share: number) =>
    latencies.length
      ? round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))])
      : 0;
  return {
    mode,
    seconds,
    completed: latencies.length,
    failed,
    dropped: 0,
    requestsPerSecond: round(latencies.length / seconds),
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(latencies.at(-1) ?? 0) },
    ...extra,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** `connections` loops, each sending its next request as soon as the last is answered, for `seconds`. */
export async function closedLoop(send: Send, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const ok = await send(next++).catch(() => false);
      if (ok) latencies.push(performance.now() - started);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return summary('closed', seconds, latencies, failed, { connections });
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
  const latencies: number[] = [];
  let failed = 0;
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
          .catch(() => false)
          .then((ok) => {
            inFlight -= 1;
            if (ok) latencies.push(performance.now() - due);
            else failed += 1;
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
  return summary('open', seconds, latencies, failed, { targetRate: rate, dropped });
}
