import nock from 'nock';
import { ANONYMOUS } from '../../platform/caller';
import { recordsDigest, signCaller } from '../../platform/caller-header';
import { internalClient } from '../../platform/internal-client';
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
        operation: 'query',
        language: 'EN',
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

  it('refuses a write carried by a caller the gateway signed for a read', async () => {
    const [{ n }] = await federation
      .database('atip')
      .query<{ n: string }>(
        "SELECT request_number AS n FROM access_request WHERE status = 'RECEIVED' LIMIT 1",
      );
    const atipOfficer = {
      role: 'officer' as const,
      subject: 'o',
      scopes: ['atip:read', 'atip:write'],
      clientId: null,
    };
    const signedFor = (operation: 'query' | 'mutation') =>
      signCaller(
        { caller: atipOfficer, requestId: 'r', purpose: 'request', operation, language: 'EN' },
        ['atip', 'ircc-case'],
        federation.identity.callerKeys.signingKey,
      );
    const consult =
      'mutation($n: ID!) { consultOnAccessRequest(requestNumber: $n, consulting: "CBSA") { status } }';
    await expect(
      internalClient(federation.subgraphUrls.atip, await signedFor('query'), 'atip')(consult, { n }),
    ).rejects.toThrow(/FORBIDDEN/);
    const [{ status }] = await federation
      .database('atip')
      .query<{ status: string }>('SELECT status FROM access_request WHERE request_number = $1', [n]);
    expect(status).toBe('RECEIVED');
  });

  it('takes each audit-write signature once, and only for the requests it names, in full', async () => {
    const sign = (nonce: string, records: string[]) =>
      signCaller(
        {
          caller: ANONYMOUS,
          requestId: `batch-${nonce}`,
          purpose: 'record-access',
          operation: 'mutation',
          nonce,
          records: recordsDigest(records),
          language: 'EN',
        },
        ['audit'],
        federation.identity.callerKeys.signingKey,
      );
    const mutation = 'mutation($events: [AccessEventInput!]!) { recordAccess(events: $events) }';
    const write = async (header: string, events: ReturnType<typeof accessEvent>[]) =>
      internalClient(federation.subgraphUrls.audit, header, 'audit')(mutation, { events });
    const header = await sign('n-captured', ['captured', 'captured-too']);
    const both = [
      accessEvent('captured', [readFile('1234-5678')]),
      accessEvent('captured-too', [readFile('12-3456-7890')]),
    ];
    // A batch other than the one signed for: fewer, more, or in another order.
    await expect(write(header, both.slice(0, 1))).rejects.toThrow(/FORBIDDEN/);
    await expect(write(await sign('n-2', ['captured']), both)).rejects.toThrow(/FORBIDDEN/);
    await expect(write(await sign('n-3', ['captured-too', 'captured']), both)).rejects.toThrow(/FORBIDDEN/);
    await expect(write(await sign('n-4', ['not-that-one']), both.slice(0, 1))).rejects.toThrow(/FORBIDDEN/);
    expect(await write(header, both)).toEqual({ recordAccess: 2 });
    // Used once: the same header writes nothing a second time.
    await expect(write(header, both)).rejects.toThrow(/FORBIDDEN/);
  });
});
