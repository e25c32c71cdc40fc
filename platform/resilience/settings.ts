import { envPrefix, positiveInteger } from '../config';

export interface ResilienceSettings {
  /** The whole call, retries included. */
  timeoutMs: number;
  /** Attempts after the first, for queries only. */
  retries: number;
  /** The share of calls (0–1) failing over the breaker's window that opens it… */
  breakerThreshold: number;
  /** …counted over this window… */
  breakerWindowMs: number;
  /** …once at least this many calls were made in it (so a trickle of failures does not open it). */
  breakerMinimumCalls: number;
  /** How long an open breaker answers at once before letting one call through to test the service. */
  halfOpenAfterMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  timeoutMs: 2_000,
  retries: 2,
  breakerThreshold: 0.5,
  breakerWindowMs: 10_000,
  breakerMinimumCalls: 5,
  halfOpenAfterMs: 3_000,
};

/**
 * Writing an access record waits longer: the record grows with the answer (a file for every field
 * the cost cap lets through), and the answer waits for it anyway, withheld if it fails.
 */
const OWN_TIMEOUT_MS: Readonly<Record<string, number>> = { 'audit-write': 5_000 };

/**
 * ONE_WINDOW_TIMEOUT_MS, _RETRIES, _BREAKER_THRESHOLD (percent), _BREAKER_WINDOW_MS,
 * _BREAKER_MINIMUM_CALLS and _BREAKER_HALF_OPEN_MS for every service; `<NAME>_TIMEOUT_MS`
 * (e.g. CBSA_BORDER_TIMEOUT_MS) for one.
 */
export function resilienceSettings(target: string, env: NodeJS.ProcessEnv = process.env): ResilienceSettings {
  const timeoutMs = positiveInteger(
    env.ONE_WINDOW_TIMEOUT_MS,
    DEFAULT_RESILIENCE.timeoutMs,
    'ONE_WINDOW_TIMEOUT_MS',
  );
  const own = `${envPrefix(target)}_TIMEOUT_MS`;
  return {
    timeoutMs: positiveInteger(env[own], OWN_TIMEOUT_MS[target] ?? timeoutMs, own) || timeoutMs,
    retries: positiveInteger(env.ONE_WINDOW_RETRIES, DEFAULT_RESILIENCE.retries, 'ONE_WINDOW_RETRIES'),
    breakerThreshold:
      Math.min(
        100,
        positiveInteger(
          env.ONE_WINDOW_BREAKER_THRESHOLD,
          DEFAULT_RESILIENCE.breakerThreshold * 100,
          'ONE_WINDOW_BREAKER_THRESHOLD',
        ),
      ) / 100 || DEFAULT_RESILIENCE.breakerThreshold,
    breakerWindowMs:
      positiveInteger(
        env.ONE_WINDOW_BREAKER_WINDOW_MS,
        DEFAULT_RESILIENCE.breakerWindowMs,
        'ONE_WINDOW_BREAKER_WINDOW_MS',
      ) || DEFAULT_RESILIENCE.breakerWindowMs,
    breakerMinimumCalls: positiveInteger(
      env.ONE_WINDOW_BREAKER_MINIMUM_CALLS,
      DEFAULT_RESILIENCE.breakerMinimumCalls,
      'ONE_WINDOW_BREAKER_MINIMUM_CALLS',
    ),
    halfOpenAfterMs: positiveInteger(
      env.ONE_WINDOW_BREAKER_HALF_OPEN_MS,
      DEFAULT_RESILIENCE.halfOpenAfterMs,
      'ONE_WINDOW_BREAKER_HALF_OPEN_MS',
    ),
  };
}

/**
 * ONE_WINDOW_REQUEST_DEADLINE_MS: the most one request to the gateway may take, every plan
 * level's fetches and their retries included (10 s; each fetch still at most its own time-out).
 */
export function requestDeadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  return (
    positiveInteger(env.ONE_WINDOW_REQUEST_DEADLINE_MS, 10_000, 'ONE_WINDOW_REQUEST_DEADLINE_MS') || 10_000
  );
}
