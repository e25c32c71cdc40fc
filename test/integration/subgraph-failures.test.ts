import nock from 'nock';
import { RunningGateway, startGateway } from '../../gateway/gateway';
import { DEFAULT_RESILIENCE, ResilienceSettings } from '../../platform/resilience/settings';
import { SUPERGRAPH_SDL } from '../../platform/supergraph-config';
import { postQuery } from '../fixtures/federation';
import { testIdentityProvider } from '../fixtures/tokens';

/**
 * Every way a subgraph can fail, simulated: the gateway answers what the healthy subgraphs can
 * give, plus one error naming the failed service with a stable code and reason, within its
 * time-out, and never crashes.
 */
const IRCC = 'http://ircc-case.test';
const CBSA = 'http://cbsa-border.test';
const ATIP = 'http://atip.test';
const AUDIT = 'http://audit.test';
const TIMEOUT_MS = 400;
const QUERY = '{ client(uci: "1234-5678") { familyName enforcementActions { kind } } }';

let identity: Awaited<ReturnType<typeof testIdentityProvider>>;
let token: string;

async function gatewayWith(settings: Partial<ResilienceSettings>): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    supergraphFile: SUPERGRAPH_SDL,
    subgraphUrls: {
      'ircc-case': `${IRCC}/`,
      'cbsa-border': `${CBSA}/`,
      atip: `${ATIP}/`,
      audit: `${AUDIT}/`,
    },
    verifyToken: identity.verifier,
    callerSigningKey: identity.callerKeys.signingKey,
    auditServiceUrl: `${AUDIT}/`,
    resilience: () => ({
      ...DEFAULT_RESILIENCE,
      timeoutMs: TIMEOUT_MS,
      // Each failure below on its own: the breaker opens only in the test about it.
      breakerMinimumCalls: 1_000,
      halfOpenAfterMs: 500,
      ...settings,
    }),
  });
}

const irccAnswers = () =>
  nock(IRCC)
    .post('/')
    .reply(200, { data: { client: { uci: '1234-5678', familyName: 'Okafor', __typename: 'Client' } } });

async function ask(gateway: RunningGateway, query = QUERY) {
  const started = Date.now();
  const answer = await postQuery(gateway.url, query, undefined, token);
  return { ...answer, ms: Date.now() - started };
}

function expectOnlyBorderMissing(answer: Awaited<ReturnType<typeof ask>>, reason: string): void {
  expect(answer.status).toBe(200);
  expect(answer.body.data).toEqual({ client: { familyName: 'Okafor', enforcementActions: null } });
  expect(answer.body.errors).toEqual([
    expect.objectContaining({
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'cbsa-border', reason },
    }),
  ]);
}

beforeAll(async () => {
  identity = await testIdentityProvider();
  token = await identity.token({ role: 'officer', subject: 'officer-1' });
});

afterEach(() => nock.cleanAll());
afterAll(() => nock.restore());

describe('a failing subgraph', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({});
  });
  afterAll(() => gateway.stop());

  it('answering HTTP 500 is named, and not asked again (a server error is not transient)', async () => {
    irccAnswers();
    const border = nock(CBSA).post('/').reply(500, 'oops');
    expectOnlyBorderMissing(await ask(gateway), 'server-error');
    expect(border.isDone()).toBe(true);
  });

  it('answering 503 with Retry-After is named, and not asked again within the call', async () => {
    irccAnswers();
    nock(CBSA).post('/').reply(503, 'busy', { 'Retry-After': '30' });
    expectOnlyBorderMissing(await ask(gateway), 'overloaded');
  });

  it('answering 503 once, without Retry-After, is asked again and the answer is whole', async () => {
    irccAnswers();
    nock(CBSA).post('/').reply(503, 'busy');
    nock(CBSA)
      .post('/')
      .reply(200, { data: { _entities: [{ __typename: 'Client', enforcementActions: [] }] } });
    const { body } = await ask(gateway);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ client: { familyName: 'Okafor', enforcementActions: [] } });
  });

  it('refusing connections is asked three times in all, then named', async () => {
    irccAnswers();
    const refused = nock(CBSA)
      .post('/')
      .times(3)
      // An Error, as the socket gives one: nock hangs a plain object's request over node:http.
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expectOnlyBorderMissing(await ask(gateway), 'unreachable');
    expect(refused.isDone()).toBe(true);
  });

  it('slower than its time-out is given up on at the time-out', async () => {
    irccAnswers();
    nock(CBSA)
      .post('/')
      .delay(3_000)
      .reply(200, { data: { _entities: [] } });
    const answer = await ask(gateway);
    expectOnlyBorderMissing(answer, 'timeout');
    expect(answer.ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(answer.ms).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it('answering malformed JSON is named', async () => {
    irccAnswers();
    nock(CBSA).post('/').reply(200, '{"data": {"_entities": [', { 'content-type': 'application/json' });
    expectOnlyBorderMissing(await ask(gateway), 'bad-response');
  });

  it('answering HTML instead of GraphQL is named', async () => {
    irccAnswers();
    nock(CBSA).post('/').reply(200, '<html>proxy error</html>', { 'content-type': 'text/html' });
    expectOnlyBorderMissing(await ask(gateway), 'bad-response');
  });

  it('answering with GraphQL errors passes them on with their own code, beside the others’ data', async () => {
    irccAnswers();
    nock(CBSA)
      .post('/')
      .reply(200, {
        data: { _entities: [null] },
        errors: [{ message: 'No.', path: ['_entities', 0], extensions: { code: 'FORBIDDEN' } }],
      });
    const { status, body } = await ask(gateway);
    expect(status).toBe(200);
    expect(body.data!.client.familyName).toBe('Okafor');
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'cbsa-border' }),
      }),
    ]);
  });

  it('failing a mutation is never asked twice: a write that failed may have happened', async () => {
    nock(AUDIT)
      .post('/')
      .times(2)
      .reply(200, { data: { recordAccess: 0 } });
    const atip = nock(ATIP).post('/').reply(503, 'busy');
    const { body } = await postQuery(
      gateway.url,
      'mutation { startAccessRequest(requestNumber: "A-2024-000001") { status } }',
      undefined,
      token,
    );
    expect(body.errors![0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'atip',
      reason: 'overloaded',
    });
    expect(atip.isDone()).toBe(true);
  });

  it('leaves the gateway serving: the next request is answered whole', async () => {
    irccAnswers();
    nock(CBSA)
      .post('/')
      .reply(200, { data: { _entities: [{ __typename: 'Client', enforcementActions: [] }] } });
    const { body } = await ask(gateway);
    expect(body.errors).toBeUndefined();
  });
});

describe('a subgraph that keeps failing', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await gatewayWith({ breakerMinimumCalls: 2, halfOpenAfterMs: 500, retries: 0 });
  });
  afterAll(() => gateway.stop());

  it('is not asked while its breaker is open, so answers come at once, and is asked again once it recovers', async () => {
    for (let i = 0; i < 2; i++) {
      irccAnswers();
      nock(CBSA).post('/').reply(500, 'down');
      expectOnlyBorderMissing(await ask(gateway), 'server-error');
    }
    irccAnswers();
    // No interceptor for cbsa-border: were it asked, the reason would be "unreachable".
    const open = await ask(gateway);
    expectOnlyBorderMissing(open, 'circuit-open');
    expect(open.ms).toBeLessThan(TIMEOUT_MS);

    await new Promise((resolve) => setTimeout(resolve, 600));
    irccAnswers();
    nock(CBSA)
      .post('/')
      .reply(200, { data: { _entities: [{ __typename: 'Client', enforcementActions: [] }] } });
    const recovered = await ask(gateway);
    expect(recovered.body.errors).toBeUndefined();
  });
});
