import { positiveInteger } from '../config';

/**
 * How many requests a process works on at once, learned from how long they take (the gradient
 * algorithm of Netflix's concurrency-limits, which Envoy's adaptive concurrency filter also
 * follows). While requests take about their usual time, the limit grows; when they take longer
 * than `tolerance` times that, work is queueing somewhere (this process's CPU, a subgraph,
 * PostgreSQL) and the limit shrinks in proportion. A fixed number would be wrong on every other
 * machine, workload and replica count.
 *
 * The usual time is learned only where it can be seen: it follows faster windows down at once,
 * and slower ones up only while the process is not full. Learned from full windows too, as
 * Netflix's long-run average is, it would creep up through a sustained overload, and the limit
 * with it. So that heavier work (a new mix of queries, a slower database) is not taken for
 * queueing forever, a full process measures its usual time afresh every `probeEveryMs`, as
 * Envoy's filter does: it runs at its smallest limit for one window (a few requests) and takes
 * that window's time as the usual one.
 */
export interface AdaptiveLimitSettings {
  initialLimit: number;
  minLimit: number;
  maxLimit: number;
  /** How much slower than the usual time requests may get before the limit shrinks. */
  tolerance: number;
  /** The share of a new estimate taken at each update: smaller is steadier, larger is quicker. */
  smoothing: number;
  /** Completed requests that make one sample of the current time… */
  windowSamples: number;
  /** …over at least this long, so one slow request cannot swing the limit. */
  windowMs: number;
  /** Windows the usual time averages over when it rises (an exponential moving average). */
  longWindows: number;
  /** How often a full process measures its usual time at its smallest limit. */
  probeEveryMs: number;
}

export const DEFAULT_ADAPTIVE_LIMIT: AdaptiveLimitSettings = {
  initialLimit: 20,
  minLimit: 4,
  maxLimit: 1_000,
  tolerance: 1.5,
  smoothing: 0.2,
  windowSamples: 10,
  windowMs: 50,
  longWindows: 100,
  probeEveryMs: 10_000,
};

/** How far one faster window pulls the usual time down. */
const FALL_WEIGHT = 0.2;

export class AdaptiveLimit {
  private estimate: number;
  private usualRtt = 0;
  private windowStarted = 0;
  private windowSum = 0;
  private windowCount = 0;
  private windowPeakInFlight = 0;
  private probing = false;
  private probeStartedAt = 0;
  private nextProbeAt: number;

  constructor(
    readonly settings: AdaptiveLimitSettings = DEFAULT_ADAPTIVE_LIMIT,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.estimate = settings.initialLimit;
    this.nextProbeAt = now() + settings.probeEveryMs;
  }

  /** Requests that may run at once now. */
  get limit(): number {
    return this.probing ? this.settings.minLimit : Math.floor(this.estimate);
  }

  /** The usual time of a request (ms), 0 before the first window; the queue's wait is bounded by it. */
  get typicalMs(): number {
    return this.usualRtt;
  }

  /** One request finished normally after `rttMs` with `inFlight` requests running when it finished. */
  sample(rttMs: number, inFlight: number): void {
    const now = this.now();
    // A probe measures only requests it admitted, at its small limit.
    if (this.probing && now - rttMs < this.probeStartedAt) return;
    if (this.windowCount === 0) this.windowStarted = now;
    this.windowSum += rttMs;
    this.windowCount += 1;
    this.windowPeakInFlight = Math.max(this.windowPeakInFlight, inFlight);
    if (this.windowCount < this.settings.windowSamples || now - this.windowStarted < this.settings.windowMs)
      return;
    this.update(this.windowSum / this.windowCount, this.windowPeakInFlight, now);
    this.windowSum = 0;
    this.windowCount = 0;
    this.windowPeakInFlight = 0;
  }

  private update(currentRtt: number, peakInFlight: number, now: number): void {
    const { tolerance, smoothing, minLimit, maxLimit, longWindows, probeEveryMs } = this.settings;
    if (this.probing) {
      this.usualRtt = currentRtt;
      this.probing = false;
      this.nextProbeAt = now + probeEveryMs;
      return;
    }
    const full = peakInFlight >= this.estimate / 2;
    if (this.usualRtt === 0) this.usualRtt = currentRtt;
    else if (currentRtt < this.usualRtt) this.usualRtt += (currentRtt - this.usualRtt) * FALL_WEIGHT;
    else if (!full) this.usualRtt += ((currentRtt - this.usualRtt) * 2) / (longWindows + 1);
    // Requests were quick only because few ran: nothing learned about a higher limit.
    if (!full) {
      this.nextProbeAt = now + probeEveryMs;
      return;
    }
    if (now >= this.nextProbeAt) {
      this.probing = true;
      this.probeStartedAt = now;
      return;
    }
    const gradient = Math.max(0.5, Math.min(1, (tolerance * this.usualRtt) / currentRtt));
    const proposed = this.estimate * gradient + Math.sqrt(this.estimate);
    this.estimate = Math.max(
      minLimit,
      Math.min(maxLimit, this.estimate * (1 - smoothing) + proposed * smoothing),
    );
  }
}

/**
 * ONE_WINDOW_CONCURRENCY: `adaptive` (the default), a fixed number of requests at once, or `off`;
 * ONE_WINDOW_CONCURRENCY_MAX caps what the adaptive limit may learn (1,000 by default).
 */
export function adaptiveLimitSettings(env: NodeJS.ProcessEnv = process.env): AdaptiveLimitSettings | 'off' {
  const chosen = env.ONE_WINDOW_CONCURRENCY ?? 'adaptive';
  if (chosen === 'off') return 'off';
  if (chosen === 'adaptive' || chosen === '') {
    const maxLimit = positiveInteger(
      env.ONE_WINDOW_CONCURRENCY_MAX,
      DEFAULT_ADAPTIVE_LIMIT.maxLimit,
      'ONE_WINDOW_CONCURRENCY_MAX',
    );
    if (maxLimit < DEFAULT_ADAPTIVE_LIMIT.minLimit)
      throw new Error(`ONE_WINDOW_CONCURRENCY_MAX must be at least ${DEFAULT_ADAPTIVE_LIMIT.minLimit}`);
    return {
      ...DEFAULT_ADAPTIVE_LIMIT,
      maxLimit,
      initialLimit: Math.min(maxLimit, DEFAULT_ADAPTIVE_LIMIT.initialLimit),
    };
  }
  const fixed = positiveInteger(chosen, 0, 'ONE_WINDOW_CONCURRENCY');
  if (fixed < 1)
    throw new Error(
      `ONE_WINDOW_CONCURRENCY must be "adaptive", "off" or a number of requests; got "${chosen}"`,
    );
  return { ...DEFAULT_ADAPTIVE_LIMIT, initialLimit: fixed, minLimit: fixed, maxLimit: fixed };
}
