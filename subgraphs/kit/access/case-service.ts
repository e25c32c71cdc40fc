import { CALLER_HEADER } from './caller-header';

/**
 * Asks the case-management subgraph, which owns representatives' authorizations, a question on
 * behalf of the same caller: the gateway's signed header goes along, so the answer concerns
 * that caller only.
 */
export type CaseService = <Data>(query: string, variables: Record<string, unknown>) => Promise<Data>;

export function caseServiceClient(url: string, callerHeader: string): CaseService {
  return async <Data>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: callerHeader },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    if (!response.ok || !body.data || body.errors) {
      throw new Error(`case service answered HTTP ${response.status} ${JSON.stringify(body.errors ?? [])}`);
    }
    return body.data;
  };
}
