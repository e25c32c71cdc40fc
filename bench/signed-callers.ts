import { decodeJwt, KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { Caller, Role } from '../platform/caller';
import { signCaller } from '../platform/caller-header';
import { readSupergraphConfig } from '../platform/supergraph-config';

/**
 * The signed caller that the subgraphs require, for the gateways compared with One Window (Hive
 * Gateway's plugin and the direct fetches): the bearer token is read but not verified (they do no
 * token checks), and each caller's header is signed once per subgraph and operation type and
 * reused for 20 of its 30 seconds, so neither pays a signature per fetch.
 */
export function signedCallers(signingKey: KeyLike) {
  const audiences = new Map(
    readSupergraphConfig().subgraphs.map((subgraph) => [subgraph.name, subgraph.asks]),
  );
  const signed = new Map<string, { header: Promise<string>; until: number }>();
  return (authorization: string, subgraph: string, operation: 'query' | 'mutation'): Promise<string> => {
    const key = `${authorization} ${subgraph} ${operation}`;
    const now = Date.now();
    const hit = signed.get(key);
    if (hit && hit.until > now) return hit.header;
    const header = signCaller(
      {
        caller: callerOf(authorization),
        requestId: randomUUID(),
        purpose: 'request',
        operation,
        language: 'EN',
      },
      [subgraph, ...(audiences.get(subgraph) ?? [])],
      signingKey,
    );
    signed.set(key, { header, until: now + 20_000 });
    return header;
  };
}

/** The caller a bearer token names, read without checking its signature (the compared gateways do no token checks). */
export function callerOf(authorization: string): Caller {
  const claims = decodeJwt(authorization.replace(/^Bearer\s+/i, ''));
  return {
    role: claims.role as Role,
    subject: claims.sub ?? null,
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ') : [],
    clientId: typeof claims.azp === 'string' ? claims.azp : null,
  };
}
