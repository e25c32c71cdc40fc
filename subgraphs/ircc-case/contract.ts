import { InternalClient } from '../../platform/internal-client';
import { RepresentedClients } from '../kit/access/client-access';

/**
 * What case management answers the other subgraphs, on a caller's behalf (its hidden queries,
 * resolvers/case-service.resolver.ts). A subgraph that uses it names `ircc-case` in its `asks`
 * in supergraph.yaml, which gives it `peers['ircc-case']` and the caller signed for both.
 */
export const CASE_MANAGEMENT = 'ircc-case';

export const caseManagement = {
  /** The row-level check for representatives, answered from case management's authorizations. */
  representedClients:
    (peer: InternalClient): RepresentedClients =>
    async (_representativeId, ucis) =>
      (
        await peer<{ representedClients: string[] }>(
          'query Represented($ucis: [ID!]!) { representedClients(ucis: $ucis) }',
          { ucis },
        )
      ).representedClients,

  async activeAuthorizationId(peer: InternalClient, uci: string): Promise<string | null> {
    return (
      await peer<{ activeAuthorizationId: string | null }>(
        'query Consent($uci: ID!) { activeAuthorizationId(uci: $uci) }',
        { uci },
      )
    ).activeAuthorizationId;
  },

  async applicationBelongsTo(peer: InternalClient, applicationNumber: string, uci: string): Promise<boolean> {
    const query =
      'query Owner($number: ID!, $uci: ID!) { applicationBelongsTo(applicationNumber: $number, uci: $uci) }';
    return (await peer<{ applicationBelongsTo: boolean }>(query, { number: applicationNumber, uci }))
      .applicationBelongsTo;
  },

  /** The client's applications as the caller may read them: status and decision, for a one-line answer. */
  async applications(peer: InternalClient, uci: string): Promise<ApplicationSummary[]> {
    const query = `query Summary($uci: ID!) { client(uci: $uci) { applications {
      applicationNumber status { status asOf } decision { outcome decidedOn } } } }`;
    const { client } = await peer<{ client: { applications: ApplicationSummary[] } | null }>(query, { uci });
    return client?.applications ?? [];
  },
};

export interface ApplicationSummary {
  applicationNumber: string;
  status: { status: string; asOf: string };
  decision: { outcome: string; decidedOn: string } | null;
}
