import { AsyncLocalStorage } from 'node:async_hooks';
import { currentRequest } from '../observability/request-record';

/**
 * One deadline per request: the gateway fixes it when the request arrives, every call made for
 * the request gets only the time that is left (all plan levels, retries included), and each call
 * tells the service it reaches how much that is, in this header, so the service stops its own
 * work (its SQL statements, its calls onward) when the caller has stopped waiting. A duration,
 * not a time of day, so no two clocks need agree.
 */
export const DEADLINE_HEADER = 'one-window-deadline-ms';

/**
 * The deadline of a request that arrived now (on the performance.now() clock): the process's own
 * bound, shortened by what the caller's header asks (a caller may want less time, never more).
 */
export function deadlineOf(header: string | string[] | undefined, ownMs?: number): number | undefined {
  const asked = typeof header === 'string' && /^\d{1,9}$/.test(header) ? Number(header) : undefined;
  const budget = Math.min(ownMs ?? Infinity, asked && asked > 0 ? asked : Infinity);
  return Number.isFinite(budget) ? performance.now() + budget : undefined;
}

/** The call being made: its end (its time-out, or the request's deadline if nearer), and which. */
const currentCall = new AsyncLocalStorage<{ end: number; byCaller: boolean }>();

/**
 * Runs one call to another service, which its caller waits for `ms` at most; `byCaller` when that
 * is the request's deadline, nearer than the call's own time-out.
 */
export function withinCall<T>(ms: number, byCaller: boolean, call: () => Promise<T>): Promise<T> {
  return currentCall.run({ end: performance.now() + ms, byCaller }, call);
}

/** Whether the call being made ends at its request's deadline rather than at its own time-out. */
export function cutByCaller(): boolean {
  return currentCall.getStore()?.byCaller ?? false;
}

/**
 * Milliseconds left before the current request's deadline, or the current call's end if nearer;
 * Infinity outside a request without a deadline.
 */
export function remainingMs(): number {
  const end = Math.min(currentRequest().deadline ?? Infinity, currentCall.getStore()?.end ?? Infinity);
  return end === Infinity ? Infinity : end - performance.now();
}

/** The header that hands what is left on to a service called now; none without a deadline. */
export function deadlineHeaders(): Record<string, string> {
  const remaining = remainingMs();
  return Number.isFinite(remaining) ? { [DEADLINE_HEADER]: String(Math.max(1, Math.floor(remaining))) } : {};
}

/**
 * Work stopped because the request it was for is no longer waited for: its caller's deadline
 * passed. Not a fault: logged at debug level, where a caller's small deadlines cannot flood the
 * error log.
 */
export class DeadlinePassed extends Error {
  constructor() {
    super("the request's deadline passed");
    this.name = 'DeadlinePassed';
  }
}
