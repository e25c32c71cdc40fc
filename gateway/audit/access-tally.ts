import { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { AUDIT_EXTENSION, AuditExtension } from '../../platform/audit-extension';

/** The files one request read or was refused, as its subgraphs reported them. */
export interface AccessTally {
  requestId: string;
  read: Set<string>;
  denied: Set<string>;
  /**
   * When the request's first record was made: a write is recorded before it runs and again after,
   * and both records carry this time, so the trail keys them as one request (its request id and
   * time) and keeps each file of it once.
   */
  recordedAt?: string;
}

export interface AuditContext {
  audit: AccessTally;
}

/** Adds what a subgraph reported (its response's audit extension) to the request's tally. */
export async function tallySubgraphResponse<Response extends { extensions?: Record<string, unknown> }>({
  response,
  context,
}: {
  response: Response;
  context: GraphQLDataSourceProcessOptions['context'];
}): Promise<Response> {
  const reported = response.extensions?.[AUDIT_EXTENSION] as AuditExtension | undefined;
  const { audit } = context as Partial<AuditContext>;
  if (reported && audit) {
    reported.read.forEach((uci) => audit.read.add(uci));
    reported.denied.forEach((uci) => audit.denied.add(uci));
  }
  return response;
}
