/** Reading settings from the environment: one way for every process, failing fast with the variable's name. */

/** `ircc-case` → `IRCC_CASE`, the prefix of that subgraph's environment variables. */
export function envPrefix(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** A whole number of zero or more from an environment variable, or the fallback when unset. */
export function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a whole number; got "${value}"`);
  return parsed;
}

/** "on"/"true" or "off"/"false" from an environment variable, or the fallback when unset. */
export function onOff(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'on' || value === 'true') return true;
  if (value === 'off' || value === 'false') return false;
  throw new Error(`${name} must be "on" or "off"; got "${value}"`);
}

/** How long a stopping process waits for requests in flight: ONE_WINDOW_DRAIN_MS, 10 s by default. */
export function drainMs(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env.ONE_WINDOW_DRAIN_MS, 10_000, 'ONE_WINDOW_DRAIN_MS');
}

/**
 * This process's admin port (/health, /ready, /metrics): ONE_WINDOW_ADMIN_PORT on
 * ONE_WINDOW_ADMIN_HOST, loopback unless an operator opens it to the monitoring network.
 */
export function adminPort(env: NodeJS.ProcessEnv, fallback: number): { port: number; host: string } {
  return {
    port: positiveInteger(env.ONE_WINDOW_ADMIN_PORT, fallback, 'ONE_WINDOW_ADMIN_PORT'),
    host: env.ONE_WINDOW_ADMIN_HOST || '127.0.0.1',
  };
}

/**
 * Each process's heap: `npm start` caps V8's old space of a part (the gateway or a subgraph) at
 * `<PART>_HEAP_MB` (GATEWAY_HEAP_MB, IRCC_CASE_HEAP_MB, …), else ONE_WINDOW_HEAP_MB, else 160 MB,
 * so no part grows past about 300 MB resident: V8 otherwise lets a heap grow toward a quarter of
 * the machine's memory before collecting hard. A part whose live data outgrows its cap stops
 * with "heap out of memory" and is restarted by whoever supervises it; size caps from
 * `nodejs_heap_size_used_bytes` on its /metrics (docs/operations.md, "Sizing each process").
 */
export const DEFAULT_HEAP_MB = 160;

export function heapLimitFlags(part: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const own = `${envPrefix(part)}_HEAP_MB`;
  const megabytes = positiveInteger(
    env[own] || env.ONE_WINDOW_HEAP_MB,
    DEFAULT_HEAP_MB,
    env[own] ? own : 'ONE_WINDOW_HEAP_MB',
  );
  if (megabytes < 64)
    throw new Error(`${own} or ONE_WINDOW_HEAP_MB must be at least 64 (MB); got ${megabytes}`);
  return [`--max-old-space-size=${megabytes}`];
}
