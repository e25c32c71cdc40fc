import { AsyncLocalStorage } from 'node:async_hooks';
import { createLogger, Logger } from './logger';

/**
 * What the HTTP front learns about one request as it is served, for its log line, metrics and
 * span: filled in by the server's context (request id, role) and the outcome plugin (operation,
 * outcome). Never the caller's subject or any input.
 */
export interface RequestRecord {
  requestId?: string;
  role?: string;
  operationName?: string;
  operationType?: string;
  /** `ok`, `partial` (data with errors), or the first error's code. */
  outcome?: string;
  /** When the caller stops waiting, on the performance.now() clock (platform/resilience/deadline.ts). */
  deadline?: number;
  /** The serving process's logger, for what goes wrong while serving this request (never logged itself). */
  logger?: Logger;
}

const scope = new AsyncLocalStorage<RequestRecord>();

export function inRequestRecord<T>(record: RequestRecord, work: () => T): T {
  return scope.run(record, work);
}

/** The record of the request being served; an empty one outside any request. */
export function currentRequest(): RequestRecord {
  return scope.getStore() ?? {};
}

let fallback: Logger | undefined;

/** The logger of the process serving this request, with the request's id on every line. */
export function requestLogger(): Logger {
  const { logger, requestId } = currentRequest();
  fallback ??= createLogger('one-window');
  return (logger ?? fallback).child({ requestId });
}
