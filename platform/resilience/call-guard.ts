import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ExponentialBackoff,
  handleWhen,
  IPolicy,
  noop,
  retry,
  SamplingBreaker,
  TaskCancelledError,
  timeout,
  TimeoutPolicy,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { ResilienceSettings } from './settings';
import { cutByCaller, remainingMs, withinCall } from './deadline';
import { RetryBudget } from './retry-budget';

/** Why a call to another service gave no answer; stable, for logs, metrics and error extensions. */
export type FailureReason =
  'timeout' | 'circuit-open' | 'unreachable' | 'overloaded' | 'server-error' | 'bad-response' | 'refused';

/** A call that gave no usable answer, and whether asking again could help. */
export class ServiceFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** From a 503's Retry-After: asking again sooner is pointless. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Refused connections, overload and gateway-class statuses are worth one more try; the rest are not. */
  get transient(): boolean {
    return this.reason === 'unreachable' || this.reason === 'overloaded';
  }
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface GuardObserver {
  breakerChanged?: (target: string, state: BreakerState) => void;
  failed?: (target: string, reason: FailureReason) => void;
}

export type CallKind = 'query' | 'mutation';

/**
 * Every call One Window makes to another of its services goes through the guard for that
 * service: a time-out for the whole call (retries included, so a caller waits at most that
 * long), a circuit breaker that answers at once while the service keeps failing, and for
 * queries only, retries with jittered exponential backoff. Mutations are never retried: a
 * write that timed out may have happened.
 */
export class CallGuard {
  private readonly breaker;
  private readonly deadline: TimeoutPolicy;
  private readonly forQueries: IPolicy;
  private readonly forMutations: IPolicy;
  private current: BreakerState = 'closed';
  private lastAnswerAt = performance.now();
  private readonly retryBudget = new RetryBudget();

  constructor(
    readonly target: string,
    readonly settings: ResilienceSettings,
    private readonly observer: GuardObserver = {},
  ) {
    this.breaker = circuitBreaker(
      handleWhen((error) => this.isFailing(error)),
      {
        halfOpenAfter: settings.halfOpenAfterMs,
        // A share of failures over a window, not a run of them: a caller whose own heavy queries
        // time out cannot open the breaker for everyone while others' calls succeed.
        breaker: new SamplingBreaker({
          threshold: settings.breakerThreshold,
          duration: settings.breakerWindowMs,
          minimumRps: settings.breakerMinimumCalls / (settings.breakerWindowMs / 1000),
        }),
      },
    );
    observer.breakerChanged?.(target, 'closed');
    this.breaker.onStateChange((state) => {
      this.current =
        state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'half-open' : 'open';
      observer.breakerChanged?.(target, this.current);
    });
    const retries =
      settings.retries > 0
        ? retry(
            handleWhen(
              (error) =>
                error instanceof ServiceFailure &&
                error.transient &&
                error.retryAfterMs === undefined &&
                this.retryBudget.withdraw(),
            ),
            {
              maxAttempts: settings.retries,
              backoff: new ExponentialBackoff({
                initialDelay: 25,
                maxDelay: Math.max(25, settings.timeoutMs / 4),
              }),
            },
          )
        : noop;
    // The filter is asked on the last attempt too, which took a retry that will not be made.
    if ('onGiveUp' in retries) retries.onGiveUp(() => this.retryBudget.refund());
    // Aborted at the time-out only: a call that returned has no attempt left running, and aborting
    // its signal then would make a DOMException per call for nothing (2% of the gateway's CPU).
    this.deadline = timeout(settings.timeoutMs, {
      strategy: TimeoutStrategy.Aggressive,
      abortOnReturn: false,
    });
    this.forQueries = wrap(this.breaker, retries);
    this.forMutations = this.breaker;
  }

  get state(): BreakerState {
    return this.current;
  }

  /**
   * What counts against the breaker: a service that fails, not one that is busy. A refusal (an
   * answer with errors) and a 503 that says when to come back (the service shedding load, as
   * One Window's own admission control does) are answers. An attempt stopped at the time-out
   * counts only if the service has answered nothing for a whole time-out: one that still answers
   * other calls is slow under load, often the caller's own, and opening the breaker would turn a
   * slow service into a failed one.
   */
  private isFailing(error: unknown): boolean {
    if (error instanceof ServiceFailure)
      return !(
        error.reason === 'refused' ||
        (error.reason === 'overloaded' && error.retryAfterMs !== undefined)
      );
    // Stopped by its caller's deadline rather than by the service's time-out: says nothing of it.
    if (cutByCaller()) return false;
    return performance.now() - this.lastAnswerAt > this.settings.timeoutMs;
  }

  /**
   * Runs `call`, which must stop when `signal` aborts; throws only ServiceFailure. Every attempt
   * gets the deadline's own signal, which aborts at the time-out, so no attempt outlives the
   * deadline (the breaker hands a call queued behind its half-open trial no signal of its own),
   * at the cost of one abort controller per call.
   */
  async run<T>(kind: CallKind, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const guarded = kind === 'query' ? this.forQueries : this.forMutations;
    // The request's own deadline, when nearer, bounds the call (and every retry in it).
    const left = remainingMs();
    const bound = left < this.settings.timeoutMs ? Math.floor(left) : this.settings.timeoutMs;
    this.retryBudget.deposit();
    try {
      if (bound <= 0)
        throw new ServiceFailure('timeout', `the request's deadline passed before ${this.target} was asked`);
      const deadline =
        bound === this.settings.timeoutMs
          ? this.deadline
          : timeout(bound, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
      const answer = await withinCall(bound, bound < this.settings.timeoutMs, () =>
        deadline.execute(({ signal }) => guarded.execute(() => call(signal))),
      );
      this.lastAnswerAt = performance.now();
      return answer;
    } catch (error) {
      const failure = this.asFailure(error, bound);
      if (failure.reason === 'refused') this.lastAnswerAt = performance.now();
      this.observer.failed?.(this.target, failure.reason);
      throw failure;
    }
  }

  private asFailure(error: unknown, boundMs: number): ServiceFailure {
    if (error instanceof ServiceFailure) return error;
    if (error instanceof BrokenCircuitError)
      return new ServiceFailure('circuit-open', `${this.target} is failing; not asked until it recovers`);
    if (error instanceof TaskCancelledError)
      return new ServiceFailure('timeout', `${this.target} did not answer within ${boundMs} ms`);
    return new ServiceFailure('unreachable', `${this.target}: ${(error as Error).message}`);
  }
}
