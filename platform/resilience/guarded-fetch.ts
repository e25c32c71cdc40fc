import { httpFetch, HttpRequestInit, HttpResponse } from '../http/http-fetch';
import { ServiceFailure } from './call-guard';
import { deadlineHeaders } from './deadline';

/** What a failed status tells the guard: overload is worth retrying, a server error is not. */
function failureOf(target: string, response: HttpResponse): ServiceFailure | null {
  const { status } = response;
  if (status === 429 || status === 502 || status === 503 || status === 504) {
    return new ServiceFailure(
      'overloaded',
      `${target} answered HTTP ${status}`,
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  if (status >= 500) return new ServiceFailure('server-error', `${target} answered HTTP ${status}`);
  return null;
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A call over the kept-alive agents (httpFetch), stopped by `signal` and telling the service how
 * long the request it serves has left, with a refused connection and a 5xx/429 turned into a
 * ServiceFailure the guard can judge. Other answers (2xx, 4xx) are the caller's to read.
 */
export async function guardedFetch(
  target: string,
  url: string,
  init: HttpRequestInit,
  signal: AbortSignal,
): Promise<HttpResponse> {
  let response: HttpResponse;
  try {
    response = await httpFetch(url, { ...init, headers: { ...init.headers, ...deadlineHeaders() }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    // The cause's code (ECONNREFUSED, ECONNRESET…), never the message, which may quote the request.
    const failure = error as { cause?: { code?: unknown }; code?: unknown; name?: unknown };
    const cause =
      [failure.cause?.code, failure.code, failure.name].find((part) => typeof part === 'string') ??
      'network error';
    throw new ServiceFailure('unreachable', `${target} could not be reached (${cause})`);
  }
  const failure = failureOf(target, response);
  if (failure) {
    throw failure;
  }
  return response;
}
