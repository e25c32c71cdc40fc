import { envPrefix, positiveInteger } from '../config';

export interface ResilienceSettings {
  /** The whole call, retries included. */
  timeoutMs: number;
  /** Attempts after the first, for queries only. */
  retries: number;
  /** Consecutive failures that open the breaker. */
  breakerFailures: number;
  /** How long an open breaker answers at once before letting one call through to test the service. */
  halfOpenAfterMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  timeoutMs: 2_000,
  retries: 2,
  breakerFailures: 5,
  halfOpenAfterMs: 3_000,
};

/**
 * ONE_WINDOW_TIMEOUT_MS, _RETRIES, _BREAKER_FAILURES and _BREAKER_HALF_OPEN_MS for every
 * service; `<NAME>_TIMEOUT_MS` (e.g. CBSA_BORDER_TIMEOUT_MS) for one.
 */
export function resilienceSettings(target: string, env: NodeJS.ProcessEnv = process.env): ResilienceSettings {
  const timeoutMs = positiveInteger(
    env.ONE_WINDOW_TIMEOUT_MS,
    DEFAULT_RESILIENCE.timeoutMs,
    'ONE_WINDOW_TIMEOUT_MS',
  );
  const own = `${envPrefix(target)}_TIMEOUT_MS`;
  return {
    timeoutMs: positiveInteger(env[own], timeoutMs, own) || timeoutMs,
    retries: positiveInteger(env.ONE_WINDOW_RETRIES, DEFAULT_RESILIENCE.retries, 'ONE_WINDOW_RETRIES'),
    breakerFailures:
      positiveInteger(
        env.ONE_WINDOW_BREAKER_FAILURES,
        DEFAULT_RESILIENCE.breakerFailures,
        'ONE_WINDOW_BREAKER_FAILURES',
      ) || DEFAULT_RESILIENCE.breakerFailures,
    halfOpenAfterMs: positiveInteger(
      env.ONE_WINDOW_BREAKER_HALF_OPEN_MS,
      DEFAULT_RESILIENCE.halfOpenAfterMs,
      'ONE_WINDOW_BREAKER_HALF_OPEN_MS',
    ),
  };
}
