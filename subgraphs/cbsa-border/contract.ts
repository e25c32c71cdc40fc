import { InternalClient } from '../../platform/internal-client';

/**
 * What border records answer the other subgraphs, on a caller's behalf. A subgraph that uses it
 * names `cbsa-border` in its `asks` in supergraph.yaml.
 */
export const BORDER_RECORDS = 'cbsa-border';

/** Counted up to this many; beyond it, "more than". */
export const TRAVEL_COUNT_LIMIT = 500;

export const borderRecords = {
  /** How many entries and exits are on record for the client, as the caller may read them. */
  async travelRecordCount(peer: InternalClient, uci: string): Promise<{ count: number; more: boolean }> {
    const query = `query Travel($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Client { travelHistory(first: ${TRAVEL_COUNT_LIMIT}) { edges { cursor } pageInfo { hasNextPage } } } } }`;
    const {
      _entities: [client],
    } = await peer<{
      _entities: [{ travelHistory: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } | null } | null];
    }>(query, { representations: [{ __typename: 'Client', uci }] });
    const history = client?.travelHistory;
    return { count: history?.edges.length ?? 0, more: history?.pageInfo.hasNextPage ?? false };
  },
};
