import { RunningGateway, startGateway } from '../../gateway/gateway';
import { SUPERGRAPH_SDL } from '../../platform/supergraph-config';
import { testIdentityProvider, TestIdentityProvider } from '../fixtures/tokens';

/** Each caller gets its role's share of requests per minute; past it, 429 with Retry-After. */
let gateway: RunningGateway;
let identity: TestIdentityProvider;

beforeAll(async () => {
  identity = await testIdentityProvider();
  gateway = await startGateway({
    port: 0,
    supergraphFile: SUPERGRAPH_SDL,
    // `{ __typename }` needs no subgraph: the gateway answers it, so nothing else is started.
    subgraphUrls: {},
    verifyToken: identity.verifier,
    callerSigningKey: identity.callerKeys.signingKey,
    auditServiceUrl: 'http://127.0.0.1:9/',
    rateLimits: { anonymous: 2, applicant: 3, representative: 3, partner: 3, officer: 3 },
  });
});

afterAll(async () => {
  await gateway.stop();
});

async function ask(token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] },
  };
}

describe('rate limits', () => {
  it('refuses a caller past its limit with 429, Retry-After and RATE_LIMITED, and leaves other callers alone', async () => {
    const applicant = await identity.token({ role: 'applicant', subject: '1234-5678' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await ask(applicant)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await ask(applicant);
    expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    const metrics = await (await fetch(new URL('/metrics', gateway.adminUrl))).text();
    expect(metrics).toMatch(/one_window_rate_limit_refusals_total\{[^}]*role="applicant"[^}]*\} 2/);

    // The same person through another OAuth client, and another person, have their own share.
    expect(
      (await ask(await identity.token({ role: 'applicant', subject: '1234-5678', clientId: 'other-portal' })))
        .status,
    ).toBe(200);
    expect((await ask(await identity.token({ role: 'applicant', subject: '12-3456-7890' }))).status).toBe(
      200,
    );
  });

  it('counts callers without a token by their address', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await ask()).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('rate limits when Redis is away', () => {
  it('go on counting in each replica at the same limits, and the gateway goes on serving', async () => {
    const alone = await startGateway({
      port: 0,
      supergraphFile: SUPERGRAPH_SDL,
      subgraphUrls: {},
      verifyToken: identity.verifier,
      callerSigningKey: identity.callerKeys.signingKey,
      auditServiceUrl: 'http://127.0.0.1:9/',
      // Nothing listens on port 9 (discard): Redis never answers.
      redisUrl: 'redis://127.0.0.1:9',
      rateLimits: { anonymous: 2, applicant: 3, representative: 3, partner: 3, officer: 3 },
    });
    try {
      const applicant = await identity.token({
        role: 'applicant',
        subject: '12-3456-7890',
        clientId: 'no-redis',
      });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await fetch(alone.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${applicant}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await alone.stop();
    }
  });
});
