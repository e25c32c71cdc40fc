import { formatUci } from '../../platform/identifiers';
import { operationLimits } from '../../platform/operation-limits';
import { accessEvent, readFile, recordAccess } from '../fixtures/audit-writes';
import { postQuery, useFederation } from '../fixtures/federation';

const federation = useFederation();
const OWN = '1234-5678';
const OTHER = '12-3456-7890';

const query = (text: string, token?: string, variables?: Record<string, unknown>) =>
  postQuery(federation.gatewayUrl, text, variables, token);
const countRecords = async () =>
  (
    await federation
      .database('audit')
      .query<{ records: number; requests: number }>(
        'SELECT (SELECT count(*)::int FROM access_event_file) AS records, (SELECT count(*)::int FROM access_event) AS requests',
      )
  )[0];

/** A file's records for one operation, as the person reads them. */
async function recordsOf(uci: string, operationName: string) {
  const { body } = await query(LOG, await federation.identity.token({ role: 'applicant', subject: uci }), {
    uci,
  });
  return body
    .data!.client.accessLog.edges.map((e: { node: Record<string, unknown> }) => e.node)
    .filter((n: { operationName: string }) => n.operationName === operationName);
}

const LOG = `query($uci: ID!) { client(uci: $uci) { accessLog(first: 20) { edges { node {
  occurredAt outcome fields operationName operationHash reader { subject role clientId scopes } } } } } }`;

describe('the audit trail', () => {
  it('records who read a file, which fields and which operation, and shows it to the person', async () => {
    const officer = await federation.identity.token({
      role: 'officer',
      subject: 'officer-42',
      scopes: ['case:read', 'case:notes'],
      clientId: 'officer-tool',
    });
    const read = await query(
      'query ReviewFile { client(uci: "1234-5678") { familyName applications { decision { officerNotes } } } }',
      officer,
    );
    expect(read.body.errors).toBeUndefined();

    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const { body } = await query(LOG, applicant, { uci: OWN });
    expect(body.errors).toBeUndefined();
    const record = body
      .data!.client.accessLog.edges.map((e: { node: Record<string, unknown> }) => e.node)
      .find((n: { operationName: string }) => n.operationName === 'ReviewFile');
    expect(record).toMatchObject({
      outcome: 'READ',
      reader: {
        subject: 'officer-42',
        role: 'officer',
        clientId: 'officer-tool',
        scopes: ['case:read', 'case:notes'],
      },
      fields: ['client.applications.decision.officerNotes', 'client.familyName'],
    });
    expect(record.operationHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records refused attempts too', async () => {
    const intruder = await federation.identity.token({ role: 'applicant', subject: OTHER });
    await query('query Snoop { client(uci: "1234-5678") { familyName } }', intruder);
    const { body } = await query(LOG, await federation.identity.token({ role: 'applicant', subject: OWN }), {
      uci: OWN,
    });
    const snoop = body.data!.client.accessLog.edges.find(
      (e: { node: { operationName: string } }) => e.node.operationName === 'Snoop',
    );
    expect(snoop.node).toMatchObject({ outcome: 'DENIED', reader: { subject: OTHER, role: 'applicant' } });
  });

  it('records what scopes removed from a file that was read, beside what was delivered', async () => {
    const travelPartner = await federation.identity.token({
      role: 'partner',
      subject: 'partner-7',
      scopes: ['border:travel'],
    });
    await query(
      'query Crossings { client(uci: "1234-5678") { familyName travelHistory(first: 1) { edges { node { direction } } } } }',
      travelPartner,
    );
    const records = await recordsOf(OWN, 'Crossings');
    expect(records.map((r: { outcome: string; fields: string[] }) => [r.outcome, r.fields]).sort()).toEqual([
      ['DENIED', ['client.familyName']],
      ['READ', ['client.travelHistory.edges.node.direction']],
    ]);
  });

  it('records an attempt at a named file that scopes or the lack of a token removed whole', async () => {
    await query('query Anonymous { client(uci: "12345678") { familyName } }');
    const officerWithoutAudit = await federation.identity.token({
      role: 'officer',
      subject: 'curious-officer',
      scopes: ['case:read'],
    });
    await query('query Oversee { accessLog(uci: "1234-5678") { edges { cursor } } }', officerWithoutAudit);
    expect(await recordsOf(OWN, 'Anonymous')).toEqual([
      expect.objectContaining({
        outcome: 'DENIED',
        fields: ['client'],
        reader: expect.objectContaining({ role: 'anonymous' }),
      }),
    ]);
    expect(await recordsOf(OWN, 'Oversee')).toEqual([
      expect.objectContaining({ outcome: 'DENIED', fields: ['accessLog'] }),
    ]);
  });

  it('records an attempt named through a variable, its default, or a number', async () => {
    await query('query ByDefault($u: ID = "1234-5678") { client(uci: $u) { uci } }');
    await query('query ByNumber($u: ID!) { client(uci: $u) { uci } }', undefined, { u: 12345678 });
    expect(await recordsOf(OWN, 'ByDefault')).toEqual([expect.objectContaining({ outcome: 'DENIED' })]);
    expect(await recordsOf(OWN, 'ByNumber')).toEqual([expect.objectContaining({ outcome: 'DENIED' })]);
  });

  it('records a refused access log', async () => {
    const officerWithoutAudit = await federation.identity.token({
      role: 'officer',
      subject: 'curious-officer',
      scopes: ['case:read'],
    });
    await query(
      'query PeekLog { client(uci: "1234-5678") { uci accessLog { edges { cursor } } } }',
      officerWithoutAudit,
    );
    expect((await recordsOf(OWN, 'PeekLog')).map((r: { outcome: string }) => r.outcome).sort()).toEqual([
      'DENIED',
      'READ',
    ]);
  });

  it('records any answer the operation limits allow: twenty representatives with all their clients', async () => {
    const before = await countRecords();
    const officer = await federation.identity.token({ role: 'officer', subject: 'o', scopes: ['case:read'] });
    const { status, body } = await query(
      '{ representatives(first: 20) { edges { node { clients(first: 500) { edges { node { uci familyName } } } } } } }',
      officer,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const clients = new Set(
      body.data!.representatives.edges.flatMap(
        (r: { node: { clients: { edges: { node: { uci: string } }[] } } }) =>
          r.node.clients.edges.map((c) => c.node.uci),
      ),
    );
    expect(clients.size).toBeGreaterThan(150);
    const after = await countRecords();
    expect(after.requests - before.requests).toBe(1);
    expect(after.records - before.records).toBe(clients.size);
  });

  it('accepts the largest event the operation limits allow: a file for every field the cost cap lets through', async () => {
    const { maxCost } = operationLimits();
    const files = Array.from({ length: maxCost }, (_, i) => readFile(formatUci(String(10_000_000 + i))));
    const event = accessEvent('largest-request', files, [
      'representatives.edges.node.clients.edges.node.uci',
    ]);
    expect(await recordAccess(federation, event)).toBe(maxCost);
  });

  it('stores a replayed event once, and confirms it whole: the outbox sends again after a crash', async () => {
    const event = accessEvent('replayed-request', [readFile(OWN), readFile(OTHER)]);
    expect(await recordAccess(federation, event)).toBe(2);
    expect(await recordAccess(federation, event)).toBe(2);
    const [{ events, files }] = await federation.database('audit').query<{ events: number; files: number }>(
      `SELECT (SELECT count(*)::int FROM access_event WHERE request_id = $1) AS events,
                (SELECT count(*)::int FROM access_event_file WHERE request_id = $1) AS files`,
      ['replayed-request'],
    );
    expect({ events, files }).toEqual({ events: 1, files: 2 });
  });

  it('records a change as one request, though it is recorded before it runs and again after', async () => {
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const { status } = await query(
      'mutation RecordedOnce($input: SubmitAccessRequestInput!) { submitAccessRequest(input: $input) { requestNumber } }',
      applicant,
      {
        input: {
          act: 'PRIVACY_ACT',
          institution: 'IRCC',
          clientUci: OWN,
          description: 'My GCMS notes, once',
        },
      },
    );
    expect(status).toBe(200);
    const [{ events, files }] = await federation.database('audit').query<{ events: number; files: number }>(
      `SELECT count(DISTINCT (e.request_id, e.occurred_at))::int AS events, count(f.id)::int AS files
       FROM access_event e LEFT JOIN access_event_file f ON f.request_id = e.request_id AND f.occurred_at = e.occurred_at
       WHERE e.operation_name = 'RecordedOnce'`,
    );
    expect(events).toBe(1);
    expect(files).toBeGreaterThan(0);
  });

  it("shows a file's log only to its owner and to oversight with audit:read", async () => {
    const other = await query(LOG, await federation.identity.token({ role: 'applicant', subject: OTHER }), {
      uci: OWN,
    });
    expect(other.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const officerWithoutAudit = await federation.identity.token({
      role: 'officer',
      subject: 'o',
      scopes: ['case:read'],
    });
    expect(
      (await query(LOG, officerWithoutAudit, { uci: OWN })).body.errors?.map((e) => e.extensions?.code),
    ).toContain('FORBIDDEN');

    const oversight = await federation.identity.token({
      role: 'officer',
      subject: 'commissioner',
      scopes: ['audit:read'],
    });
    const { body } = await query(
      '{ accessLog(uci: "1234-5678", first: 5) { edges { node { outcome reader { subject } } } } }',
      oversight,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.accessLog.edges.length).toBeGreaterThan(0);
  });

  it('writes exactly one record per file per request under hundreds of concurrent queries', async () => {
    const before = await countRecords();
    const officer = await federation.identity.token({
      role: 'officer',
      subject: 'load-officer',
      scopes: ['case:read', 'border:travel'],
    });
    const representative = await federation.identity.token({
      role: 'representative',
      subject: 'REP-000001',
      scopes: ['case:read'],
    });
    const singles = Array.from({ length: 250 }, (_, i) =>
      query(
        'query One($uci: ID!) { client(uci: $uci) { familyName travelHistory(first: 1) { edges { cursor } } } }',
        officer,
        { uci: i % 2 ? OWN : OTHER },
      ),
    );
    const caseloads = Array.from({ length: 50 }, () =>
      query(
        '{ representative(id: "REP-000001") { clients(first: 10) { edges { node { familyName } } } } }',
        representative,
      ),
    );
    const answers = await Promise.all([...singles, ...caseloads]);
    expect(answers.every((a) => a.status === 200 && !a.body.errors)).toBe(true);

    const after = await countRecords();
    expect(after.requests - before.requests).toBe(300);
    expect(after.records - before.records).toBe(250 + 50 * 10);
  });

  it('withholds the answer when the access cannot be recorded', async () => {
    await federation.stopSubgraph('audit');
    const officer = await federation.identity.token({ role: 'officer', subject: 'o', scopes: ['case:read'] });
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({ query: '{ client(uci: "1234-5678") { familyName } }' }),
    });
    const { status, headers } = response;
    const body = (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('5');
    expect(body.errors!.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(JSON.stringify(body)).not.toContain('Okafor');

    const publicDirectory = await query('{ representatives(first: 1) { edges { node { id } } } }', officer);
    expect(publicDirectory.status).toBe(200);
  });

  it('refuses a change it cannot record before making it, so nothing is written unaudited', async () => {
    // The audit subgraph was stopped by the test before.
    const requests = async () =>
      (
        await federation
          .database('atip')
          .query<{ n: number }>('SELECT count(*)::int AS n FROM access_request')
      )[0].n;
    const before = await requests();
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const { status, body } = await query(
      'mutation($input: SubmitAccessRequestInput!) { submitAccessRequest(input: $input) { requestNumber } }',
      applicant,
      { input: { act: 'PRIVACY_ACT', institution: 'IRCC', clientUci: OWN, description: 'My GCMS notes' } },
    );
    expect(status).toBe(503);
    expect(body.errors!.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(body.errors![0].message).toMatch(/not made/);
    expect(await requests()).toBe(before);
  });
});
