import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ClientFileDocument, TravelHistoryDocument } from '../../frontend-kit/graphql';
import { useFederation } from '../fixtures/federation';

/**
 * The front-end kit as a portal team uses it: the generated typed documents, sent by
 * `@apollo/client` with its persisted-queries link (hash first, the text only when the gateway
 * has not seen it).
 */
const ROOT = path.join(__dirname, '..', '..');
const federation = useFederation({ enforceTrustedDocuments: true });
const UCI = '1234-5678';

/** Every request body the client sends, as the gateway receives it. */
function recordingFetch(bodies: Record<string, unknown>[]): typeof fetch {
  return async (input, init) => {
    bodies.push(JSON.parse(init?.body as string) as Record<string, unknown>);
    return fetch(input, init);
  };
}

function client(token: string, bodies: Record<string, unknown>[]) {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: createPersistedQueryLink({ sha256, useGETForHashedQueries: false }).concat(
      new HttpLink({
        uri: federation.gatewayUrl,
        headers: { authorization: `Bearer ${token}` },
        fetch: recordingFetch(bodies),
      }),
    ),
    defaultOptions: { query: { fetchPolicy: 'network-only' } },
  });
}

describe('the front-end kit', () => {
  it('is what GraphQL Code Generator makes of the documents and the API schema (npm run codegen)', () => {
    // The generator's own check: exits non-zero when the file it would write differs.
    const check = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'graphql-codegen'),
      ['--config', 'codegen.yml', '--check'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(check.status).toBe(0);
  });

  it("gives a portal the applicant's whole file, typed, through automatic persisted queries", async () => {
    const bodies: Record<string, unknown>[] = [];
    const applicant = await federation.identity.token({ role: 'applicant', subject: UCI });
    const portal = client(applicant, bodies);
    const first = await portal.query({ query: ClientFileDocument, variables: { uci: UCI } });
    expect(first.errors).toBeUndefined();
    expect(first.data.client?.familyName).toBe('Okafor');
    expect(first.data.client?.applications?.length).toBe(3);
    // Hash alone, refused as unknown, then hash and text; the next time the hash alone is enough.
    await portal.query({ query: ClientFileDocument, variables: { uci: UCI } });
    expect(bodies.map((body) => 'query' in body)).toEqual([false, true, false]);
    expect(bodies.every((body) => (body.extensions as { persistedQuery?: unknown }).persistedQuery)).toBe(
      true,
    );
  });

  it('gives a partner agency its registered document by hash alone', async () => {
    const bodies: Record<string, unknown>[] = [];
    const partner = await federation.identity.token({
      role: 'partner',
      subject: 'partner-1',
      clientId: 'partner-system',
      scopes: ['border:travel'],
    });
    // Its manifest registers the document as Apollo Client sends it, __typename included.
    const agency = client(partner, bodies);
    const { data } = await agency.query({ query: TravelHistoryDocument, variables: { uci: UCI } });
    expect(data.client?.travelHistory?.edges.length).toBeGreaterThan(0);
    expect(bodies.map((body) => 'query' in body)).toEqual([false]);
  });
});
