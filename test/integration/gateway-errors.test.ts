import nock from 'nock';
import { RunningGateway, startGateway } from '../../gateway/gateway';
import { SUPERGRAPH_SDL } from '../../platform/supergraph-config';
import { postQuery } from '../fixtures/federation';
import { testIdentityProvider } from '../fixtures/tokens';

/** The gateway against simulated subgraphs: what it passes on, masks and survives. */
const IRCC = 'http://ircc-case.test';
const CBSA = 'http://cbsa-border.test';
const ATIP = 'http://atip.test';

let gateway: RunningGateway;
let token: string;

beforeAll(async () => {
  const identity = await testIdentityProvider();
  token = await identity.token({ role: 'officer', subject: 'officer-1' });
  gateway = await startGateway({
    port: 0,
    supergraphFile: SUPERGRAPH_SDL,
    subgraphUrls: { 'ircc-case': `${IRCC}/`, 'cbsa-border': `${CBSA}/`, atip: `${ATIP}/` },
    verifyToken: identity.verifier,
    callerSigningKey: identity.callerKeys.signingKey,
    auditServiceUrl: 'http://audit.test/',
  });
});

afterEach(() => nock.cleanAll());

afterAll(async () => {
  await gateway.stop();
  nock.restore();
});

const irccAnswers = (body: object) => nock(IRCC).post('/').reply(200, body);

describe('errors from subgraphs', () => {
  it("passes a subgraph's coded error on with its code and the service name", async () => {
    irccAnswers({
      data: { client: null },
      errors: [
        {
          message: '"x" is not a UCI',
          path: ['client'],
          extensions: { code: 'BAD_USER_INPUT', field: 'uci' },
        },
      ],
    });
    const { body } = await postQuery(gateway.url, '{ client(uci: "x") { uci } }', undefined, token);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: '"x" is not a UCI',
        extensions: { code: 'BAD_USER_INPUT', field: 'uci', serviceName: 'ircc-case' },
      }),
    ]);
  });

  it("masks a subgraph's internal error, whatever its message says", async () => {
    irccAnswers({
      data: { client: null },
      errors: [{ message: 'relation "client" does not exist at /srv/app/store.ts:12', path: ['client'] }],
    });
    const { body } = await postQuery(gateway.url, '{ client(uci: "1234-5678") { uci } }', undefined, token);
    expect(JSON.stringify(body)).not.toContain('relation');
    expect(body.errors![0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'ircc-case' },
    });
  });
});
