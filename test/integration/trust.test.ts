import nock from 'nock';
import { signCaller } from '../../platform/caller-header';
import { accessEvent, readFile, recordAccess } from '../fixtures/audit-writes';
import { Federation, postQuery, startFederation } from '../fixtures/federation';

/** Nothing leaves the machine but calls between One Window's own processes. */
const outbound: string[] = [];
let federation: Federation;

beforeAll(async () => {
  const loopback = (host: string) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
  nock.disableNetConnect();
  nock.enableNetConnect(loopback);
  // Every request nock sees and no interceptor answers; loopback ones then go through to the subgraphs.
  nock.emitter.on('no match', (request: { host?: string; hostname?: string; href?: string }) => {
    const target = request.href ? new URL(request.href).host : (request.host ?? request.hostname ?? '');
    if (!loopback(target)) outbound.push(request.href ?? target);
  });
  federation = await startFederation();
});

afterAll(async () => {
  await federation?.stop();
  nock.enableNetConnect();
  nock.restore();
});

describe('trust between the gateway and the subgraphs', () => {
  it('calls no Apollo service or anything else off the machine, from gateway, subgraphs or tests', async () => {
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    expect(
      (
        await postQuery(
          federation.gatewayUrl,
          '{ client(uci: "1234-5678") { familyName travelHistory(first: 2) { edges { cursor } } accessRequests { requestNumber } } }',
          {},
          officer,
        )
      ).body.errors,
    ).toBeUndefined();
    expect((await postQuery(federation.gatewayUrl, '{ __schema { queryType { name } } }')).status).toBe(200);
    // Give any start-up reporter or metadata probe time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(outbound).toEqual([]);
  });

  it('refuses at a subgraph a caller the gateway signed for another subgraph', async () => {
    const forAtip = await signCaller(
      {
        caller: { role: 'officer', subject: 'o', scopes: ['case:read'], clientId: null },
        requestId: 'r',
        purpose: 'request',
      },
      ['atip'],
      federation.identity.callerKeys.signingKey,
    );
    const response = await fetch(federation.subgraphUrls['ircc-case'], {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-one-window-caller': forAtip },
      body: JSON.stringify({ query: '{ client(uci: "1234-5678") { familyName } }' }),
    });
    expect(response.status).toBe(401);
  });

  it("lets only the gateway's own audit signature write the trail, never a forwarded caller", async () => {
    const event = accessEvent('forged', [readFile('1234-5678')]);
    const officer = { role: 'officer' as const, subject: 'o', scopes: ['audit:read'], clientId: null };
    await expect(recordAccess(federation, event, 'request', officer)).rejects.toThrow(/FORBIDDEN/);
    expect(await recordAccess(federation, event)).toBe(1);
  });
});
