import { RunningGateway, startGateway } from '../../gateway/gateway';
import { SUPERGRAPH_SDL } from '../../platform/supergraph-config';
import { testIdentityProvider, TestIdentityProvider } from '../fixtures/tokens';

/** Each caller gets its role's share of requests per minute; past it, 429 with Retry-After. */
const LIMITS = { anonymous: 2, applicant: 3, representative: 3, partner: 3, officer: 3, unverified: 3 };
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
    rateLimits: LIMITS,
    // The test's own requests come from loopback, which stands for a load balancer here.
    trustedProxies: ['127.0.0.1/32', '::1/128'],
  });
});

afterAll(async () => {
  await gateway.stop();
});

async function ask(token?: string, { from, body }: { from?: string; body?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (from) headers['x-forwarded-for'] = from;
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers,
    body: body ?? JSON.stringify({ query: '{ __typename }' }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] },
  };
}

async function statuses(times: number, request: () => ReturnType<typeof ask>): Promise<number[]> {
  const seen = [];
  for (let i = 0; i < times; i += 1) seen.push((await request()).status);
  return seen;
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
    expect(await statuses(3, () => ask())).toEqual([200, 200, 429]);
  });
});

describe('refused requests', () => {
  it('count too: tokens that do not verify, per address against their own limit, then 429 instead of 401', async () => {
    const forged = `${await identity.token({ role: 'officer', subject: 'o' })}x`;
    expect(await statuses(5, () => ask(forged, { from: '203.0.113.7' }))).toEqual([401, 401, 401, 429, 429]);
    expect(await statuses(5, () => ask('not.a.token', { from: '203.0.113.7' }))).toEqual([
      429, 429, 429, 429, 429,
    ]);
    // Another address has its own count, and a valid token from the same address its caller's.
    expect((await ask(forged, { from: '203.0.113.8' })).status).toBe(401);
    const officer = await identity.token({ role: 'officer', subject: 'refused-neighbour' });
    expect((await ask(officer, { from: '203.0.113.7' })).status).toBe(200);
    const metrics = await (await fetch(new URL('/metrics', gateway.adminUrl))).text();
    expect(metrics).toMatch(/one_window_rate_limit_refusals_total\{[^}]*role="unverified"[^}]*\} 7/);
  });

  it("count too: a partner's documents outside its manifest", async () => {
    const partner = await identity.token({ role: 'partner', subject: 'p', clientId: 'no-such-agreement' });
    const answers = [];
    for (let i = 0; i < 4; i += 1)
      answers.push(await ask(partner, { body: JSON.stringify({ query: '{ __typename }' }) }));
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 429]);
    expect(answers.map((answer) => answer.body.errors?.[0].extensions?.code)).toEqual([
      'PERSISTED_QUERY_NOT_ALLOWED',
      'PERSISTED_QUERY_NOT_ALLOWED',
      'PERSISTED_QUERY_NOT_ALLOWED',
      'RATE_LIMITED',
    ]);
  });

  it('count too: bodies that are not GraphQL, before they are read', async () => {
    expect(await statuses(3, () => ask(undefined, { from: '203.0.113.9', body: '{"query": ' }))).toEqual([
      400, 400, 429,
    ]);
  });
});

describe('callers behind a trusted load balancer', () => {
  it('are counted by the address it saw, and IPv6 callers by their /64', async () => {
    // What a caller writes left of the balancer's own entry is ignored.
    expect(await statuses(2, () => ask(undefined, { from: '198.51.100.1, 192.0.2.10' }))).toEqual([200, 200]);
    expect((await ask(undefined, { from: '198.51.100.2, 192.0.2.10' })).status).toBe(429);
    expect((await ask(undefined, { from: '192.0.2.11' })).status).toBe(200);
    expect((await ask(undefined, { from: '2001:db8:1:2::1' })).status).toBe(200);
    expect((await ask(undefined, { from: '2001:db8:1:2:ffff:ffff:ffff:9' })).status).toBe(200);
    expect((await ask(undefined, { from: '2001:0db8:0001:0002::77' })).status).toBe(429);
    expect((await ask(undefined, { from: '2001:db8:1:3::1' })).status).toBe(200);
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
      rateLimits: LIMITS,
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
