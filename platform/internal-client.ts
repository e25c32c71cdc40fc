import { CALLER_HEADER } from './caller-header';

/**
 * A GraphQL call from one part of One Window to a subgraph, on behalf of the same caller: the
 * gateway's signed header goes along, so the subgraph answers as it would for that caller.
 */
export type InternalClient = <Data>(query: string, variables: Record<string, unknown>) => Promise<Data>;

/** Case management, which owns representatives' authorizations, asked by the other subgraphs. */
export type CaseService = InternalClient;

export function internalClient(url: string, callerHeader: string, serviceName: string): InternalClient {
  return async <Data>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: callerHeader },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: Data; errors?: unknown[] };
    if (!response.ok || !body.data || body.errors) {
      throw new Error(`${serviceName} answered HTTP ${response.status} ${JSON.stringify(body.errors ?? [])}`);
    }
    return body.data;
  };
}
