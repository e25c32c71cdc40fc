import { AdaptiveLimit, AdaptiveLimitSettings } from './adaptive-limit';

/** A request's place among those running; given back once, when its answer has been written. */
export interface Slot {
  /** `ranMs`: how long a request that was answered whole ran, to teach the limit; none otherwise. */
  release(ranMs?: number): void;
}

export interface AdmissionObserver {
  refused?: (reason: 'queue-full' | 'waited-too-long') => void;
  changed?: (limit: number, inFlight: number, waiting: number) => void;
}

interface Waiter {
  arrived: number;
  bytes: number;
  admit: (slot: Slot | null) => void;
  timer: NodeJS.Timeout;
}

/** Under a standing queue a request waits at most twice the usual time of a request, at least this… */
const MIN_WAIT_MS = 10;
/** …and in a burst on a quiet process at most this: long enough to absorb it, short beside any time-out. */
const BURST_WAIT_MS = 1_000;
/** Before any request has been timed, the usual time is taken to be this. */
const FIRST_TYPICAL_MS = 50;
/** A queue that has not emptied for this many usual request times is standing: overload, not a burst. */
const STANDING_AFTER = 10;
/** Waiting requests past this are refused at once, however short their wait would be… */
const MAX_WAITING = 4_096;
/** …and so are requests whose bodies would take those waiting past this much memory. */
const MAX_WAITING_BYTES = 64 * 1024 * 1024;

/**
 * Admission control: at most `limit.limit` requests run at once; the rest wait or are refused
 * before any GraphQL work is done for them (planning, fetches, the audit write). How they wait
 * follows CoDel (Nichols and Jacobson) and Facebook's adaptive LIFO: a queue that comes and goes
 * is a burst, served in order of arrival with waits of up to a second; a queue that has not
 * emptied for ten usual request times means more arrives than the process can serve, and then
 * the newest waiting request goes first and none waits more than twice the usual time. So under
 * twice the load it can serve, a process answers what it can at nearly its usual speed and
 * refuses the rest quickly, instead of making every request slow until all of them time out.
 */
export class Admission {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private waitingBytes = 0;
  /** When the queue last went from empty to not. */
  private queuedSince = performance.now();

  constructor(
    readonly limit: AdaptiveLimit,
    private readonly observer: AdmissionObserver = {},
  ) {}

  get inFlight(): number {
    return this.running;
  }

  /**
   * A slot now, after a short wait, or null: refused, or `gone` aborted (the caller left; not
   * counted as a refusal). A request waits no longer than `maxWaitMs` (what is left of its
   * deadline); `bytes` is what it holds in memory while it waits (its body).
   */
  acquire(gone?: AbortSignal, maxWaitMs = Infinity, bytes = 0): Promise<Slot | null> {
    if (this.running < this.limit.limit && this.waiting.length === 0) return Promise.resolve(this.take());
    const arrived = performance.now();
    if (this.waiting.length === 0) this.queuedSince = arrived;
    const standing = this.standing();
    if (standing) this.refuseOverdue(arrived);
    if (
      this.waiting.length >= MAX_WAITING ||
      this.waitingBytes + bytes > MAX_WAITING_BYTES ||
      maxWaitMs <= 0
    ) {
      this.observer.refused?.(maxWaitMs <= 0 ? 'waited-too-long' : 'queue-full');
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      const wait = Math.min(maxWaitMs, standing ? this.standingWaitMs() : BURST_WAIT_MS);
      const waiter: Waiter = {
        arrived,
        bytes,
        admit: resolve,
        timer: setTimeout(() => this.remove(waiter, true), wait),
      };
      gone?.addEventListener('abort', () => this.remove(waiter, false), { once: true });
      this.waiting.push(waiter);
      this.waitingBytes += bytes;
      this.report();
    });
  }

  private standingWaitMs(): number {
    return Math.max(MIN_WAIT_MS, 2 * this.typicalMs());
  }

  /** Once the queue is standing, those let in to wait a burst's second have waited long enough. */
  private refuseOverdue(now: number): void {
    const bound = this.standingWaitMs();
    while (this.waiting.length > 0 && now - this.waiting[0].arrived > bound)
      this.remove(this.waiting[0], true);
  }

  /** Takes a waiter out of the queue unadmitted: refused (counted), or its caller left (not). */
  private remove(waiter: Waiter, refused: boolean): void {
    const position = this.waiting.indexOf(waiter);
    if (position < 0) return;
    this.waiting.splice(position, 1);
    this.leftQueue(waiter);
    if (refused) this.observer.refused?.('waited-too-long');
    this.report();
    waiter.admit(null);
  }

  private leftQueue(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waitingBytes -= waiter.bytes;
  }

  private typicalMs(): number {
    return this.limit.typicalMs || FIRST_TYPICAL_MS;
  }

  private standing(): boolean {
    return (
      this.waiting.length > 0 && performance.now() - this.queuedSince > STANDING_AFTER * this.typicalMs()
    );
  }

  private take(): Slot {
    this.running += 1;
    this.report();
    let released = false;
    return {
      release: (ranMs) => {
        if (released) return;
        released = true;
        if (ranMs !== undefined) this.limit.sample(ranMs, this.running);
        this.running -= 1;
        this.admitWaiting();
        this.report();
      },
    };
  }

  /** Hands free slots to those waiting (the limit may have grown): the oldest first, the newest under a standing queue. */
  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.running < this.limit.limit) {
      const waiter = this.standing() ? this.waiting.pop()! : this.waiting.shift()!;
      this.leftQueue(waiter);
      waiter.admit(this.take());
    }
  }

  private report(): void {
    this.observer.changed?.(this.limit.limit, this.running, this.waiting.length);
  }
}

/** The gate a process serves behind, reporting to its metrics; none when admission control is off. */
export function admissionGate(
  settings: AdaptiveLimitSettings | 'off',
  metrics: { admissionObserver(): AdmissionObserver },
): Admission | undefined {
  return settings === 'off'
    ? undefined
    : new Admission(new AdaptiveLimit(settings), metrics.admissionObserver());
}
