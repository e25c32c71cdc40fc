import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFESTS_DIR, partnerDocuments } from '../../bin/documents';
import { apiSchema } from '../../bin/tools/api-schema';
import { persistedQueryManifest } from '../../bin/tools/persisted-query-manifest';
import { documentHash, PersistedQueryManifest } from '../../platform/trusted-documents';
import { useFederation } from '../fixtures/federation';

/**
 * Partner agencies run only the documents registered for their OAuth client; everyone else keeps
 * automatic persisted queries.
 */
const federation = useFederation({ enforceTrustedDocuments: true });
const manifest = JSON.parse(
  readFileSync(path.join(MANIFESTS_DIR, 'partner-system.json'), 'utf8'),
) as PersistedQueryManifest;
const travel = manifest.operations.find((operation) => operation.name === 'TravelHistory')!;
const UCI = '1234-5678';

const partner = (clientId = 'partner-system') =>
  federation.identity.token({ role: 'partner', subject: 'partner-1', clientId, scopes: ['border:travel'] });

async function send(token: string, body: Record<string, unknown>) {
  const response = await fetch(federation.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
  };
}
const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
const refused = (answer: Awaited<ReturnType<typeof send>>) =>
  answer.status === 400 &&
  answer.body.data === undefined &&
  answer.body.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_ALLOWED';

describe('trusted documents', () => {
  it('are built by `npm run documents`: the checked-in manifests are what the documents give', () => {
    for (const { clientId, files } of partnerDocuments()) {
      const checkedIn = JSON.parse(
        readFileSync(path.join(MANIFESTS_DIR, `${clientId}.json`), 'utf8'),
      ) as unknown;
      expect(persistedQueryManifest(files, apiSchema())).toEqual(checkedIn);
    }
    expect(travel.id).toBe(documentHash(travel.body));
  });

  it('let a partner run a registered document by its text', async () => {
    const answer = await send(await partner(), { query: travel.body, variables: { uci: UCI } });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({ client: { uci: UCI } });
  });

  it('let a partner run a registered document by its hash alone, over POST and GET', async () => {
    const posted = await send(await partner(), { ...byHash(travel.id), variables: { uci: UCI } });
    expect(posted.body.errors).toBeUndefined();
    expect(posted.body.data).toMatchObject({ client: { uci: UCI } });
    const url = new URL(federation.gatewayUrl);
    url.searchParams.set('extensions', JSON.stringify(byHash(travel.id).extensions));
    url.searchParams.set('variables', JSON.stringify({ uci: UCI }));
    const got = await fetch(url, {
      headers: { authorization: `Bearer ${await partner()}`, 'apollo-require-preflight': 'true' },
    });
    expect(got.status).toBe(200);
    expect(((await got.json()) as { data: unknown }).data).toMatchObject({ client: { uci: UCI } });
  });

  it('refuse a partner any other document, the same one reformatted included, with PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const token = await partner();
    for (const body of [
      { query: `{ client(uci: "${UCI}") { uci } }` },
      { query: travel.body.replace(/\n\s*/g, ' '), variables: { uci: UCI } },
      { query: `${travel.body}\n`, variables: { uci: UCI } },
      byHash('0'.repeat(64)),
      // A registered hash beside another text, and text that is not a string.
      { query: `{ client(uci: "${UCI}") { uci } }`, ...byHash(travel.id) },
      { query: travel.body, ...byHash('0'.repeat(64)), variables: { uci: UCI } },
      { query: null, ...byHash(travel.id), variables: { uci: UCI } },
      { query: [travel.body], variables: { uci: UCI } },
      // Registering a new document through automatic persisted queries.
      {
        query: `{ client(uci: "${UCI}") { uci } }`,
        ...byHash(documentHash(`{ client(uci: "${UCI}") { uci } }`)),
      },
      {},
    ]) {
      expect(refused(await send(token, body))).toBe(true);
    }
  });

  it('refuse a partner client that has no manifest, even a document another partner may run', async () => {
    expect(
      refused(await send(await partner('another-agency'), { query: travel.body, variables: { uci: UCI } })),
    ).toBe(true);
    expect(refused(await send(await partner('another-agency'), byHash(travel.id)))).toBe(true);
  });

  it('refuse a partner every generated document and hash that is not registered', async () => {
    const token = await partner();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ query: fc.string() }),
          fc
            .record({ query: fc.constant(travel.body), suffix: fc.string({ minLength: 1 }) })
            .map(({ query, suffix }) => ({
              query: query + suffix,
            })),
          fc.stringMatching(/^[0-9a-f]{64}$/).map((hash) => byHash(hash)),
        ),
        async (body) => {
          fc.pre(!('query' in body) || body.query !== travel.body);
          expect(refused(await send(token, body))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('hold no one else to a list: a portal keeps automatic persisted queries', async () => {
    const applicant = await federation.identity.token({ role: 'applicant', subject: UCI });
    const query = `{ client(uci: "${UCI}") { uci familyName } }`;
    const hash = byHash(documentHash(query));
    expect((await send(applicant, hash)).body.errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect((await send(applicant, { query, ...hash })).body.data).toEqual({
      client: { uci: UCI, familyName: 'Okafor' },
    });
    expect((await send(applicant, hash)).body.data).toEqual({ client: { uci: UCI, familyName: 'Okafor' } });
  });
});
