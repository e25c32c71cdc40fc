import { SpanKind } from '@opentelemetry/api';
import { CALLER_HEADER } from './caller-header';
import { CallGuard, ServiceFailure } from './resilience/call-guard';
import { guardedFetch } from './resilience/guarded-fetch';
import { resilienceSettings } from './resilience/settings';
import { inSpan, traceHeaders } from './observability/tracing';

/**
 * A GraphQL call from one part of One Window to a subgraph, on behalf of the same caller: the
 * gateway's signed header goes along, so the subgraph answers as it would for that caller.
 */
export type InternalClient = <Data>(query: string, variables: Record<string, unknown>) => Promise<Data>;

/** Case management, which owns representatives' authorizations, asked by the other subgraphs. */
export type CaseService = InternalClient;

/**
 * Calls go through the service's guard (time-out, breaker, retries for queries), carry the
 * trace context, and throw a ServiceFailure unless the answer has data and no errors. Pass the
 * guard kept for the service so its breaker sees every call; a one-off call gets its own.
 */
export function internalClient(
  url: string,
  callerHeader: string,
  serviceName: string,
  guard: CallGuard = new CallGuard(serviceName, resilienceSettings(serviceName)),
): InternalClient {
  return async <Data>(query: string, variables: Record<string, unknown>) => {
    const kind = /^\s*mutation\b/.test(query) ? 'mutation' : 'query';
    return inSpan(`call ${serviceName}`, SpanKind.CLIENT, { 'one_window.target': serviceName }, () =>
      guard.run(kind, async (signal) => {
        const response = await guardedFetch(
          serviceName,
          url,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', [CALLER_HEADER]: callerHeader, ...traceHeaders() },
            body: JSON.stringify({ query, variables }),
          },
          signal,
        );
        const body = (await response.json().catch(() => null)) as { data?: Data; errors?: unknown[] } | null;
        if (!body)
          throw new ServiceFailure('bad-response', `${serviceName} answered with no GraphQL response`);
        // An answer with errors is the service refusing this call, not failing: the breaker ignores it.
        if (!response.ok || !body.data || body.errors) {
          // Their codes only: an error's message may quote the file it refused.
          const codes = (body.errors ?? []).map(
            (error) => (error as { extensions?: { code?: unknown } }).extensions?.code,
          );
          throw new ServiceFailure(
            'refused',
            `${serviceName} answered HTTP ${response.status} (${codes.join(', ')})`,
          );
        }
        return body.data;
      }),
    );
  };
}
