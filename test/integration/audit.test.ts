import { Federation, postQuery, startFederation } from '../fixtures/federation';

let federation: Federation;
const OWN = '1234-5678';
const OTHER = '12-3456-7890';

beforeAll(async () => {
  federation = await startFederation();
});

afterAll(async () => {
  await federation?.stop();
});

const query = (text: string, token: string, variables?: Record<string, unknown>) => postQuery(federation.gatewayUrl, text, variables, token);
const countRecords = async () =>
  (await federation.database('audit').query<{ records: number; requests: number }>(
    'SELECT count(*)::int AS records, count(DISTINCT request_id)::int AS requests FROM access_record',
  ))[0];

const LOG = `query($uci: ID!) { client(uci: $uci) { accessLog(first: 20) { edges { node {
  occurredAt outcome fields operationName operationHash reader { subject role clientId scopes } } } } } }`;

describe('the audit trail', () => {
  it('records who read a file, which fields and which operation, and shows it to the person', async () => {
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-42', scopes: ['case:read', 'case:notes'], clientId: 'officer-tool' });
    const read = await query('query ReviewFile { client(uci: "1234-5678") { familyName applications { decision { officerNotes } } } }', officer);
    expect(read.body.errors).toBeUndefined();

    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const { body } = await query(LOG, applicant, { uci: OWN });
    expect(body.errors).toBeUndefined();
    const record = body.data!.client.accessLog.edges.map((e: { node: Record<string, unknown> }) => e.node).find((n: { operationName: string }) => n.operationName === 'ReviewFile');
    expect(record).toMatchObject({
      outcome: 'READ',
      reader: { subject: 'officer-42', role: 'officer', clientId: 'officer-tool', scopes: ['case:read', 'case:notes'] },
      fields: ['client.applications.decision.officerNotes', 'client.familyName'],
    });
    expect(record.operationHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records refused attempts too', async () => {
    const intruder = await federation.identity.token({ role: 'applicant', subject: OTHER });
    await query('query Snoop { client(uci: "1234-5678") { familyName } }', intruder);
    const { body } = await query(LOG, await federation.identity.token({ role: 'applicant', subject: OWN }), { uci: OWN });
    const snoop = body.data!.client.accessLog.edges.find((e: { node: { operationName: string } }) => e.node.operationName === 'Snoop');
    expect(snoop.node).toMatchObject({ outcome: 'DENIED', reader: { subject: OTHER, role: 'applicant' } });
  });

  it('shows a file\'s log only to its owner and to oversight with audit:read', async () => {
    const other = await query(LOG, await federation.identity.token({ role: 'applicant', subject: OTHER }), { uci: OWN });
    expect(other.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const officerWithoutAudit = await federation.identity.token({ role: 'officer', subject: 'o', scopes: ['case:read'] });
    expect((await query(LOG, officerWithoutAudit, { uci: OWN })).body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');

    const oversight = await federation.identity.token({ role: 'officer', subject: 'commissioner', scopes: ['audit:read'] });
    const { body } = await query('{ accessLog(uci: "1234-5678", first: 5) { edges { node { outcome reader { subject } } } } }', oversight);
    expect(body.errors).toBeUndefined();
    expect(body.data!.accessLog.edges.length).toBeGreaterThan(0);
  });

  it('writes exactly one record per file per request under hundreds of concurrent queries', async () => {
    const before = await countRecords();
    const officer = await federation.identity.token({ role: 'officer', subject: 'load-officer', scopes: ['case:read', 'border:travel'] });
    const representative = await federation.identity.token({ role: 'representative', subject: 'REP-000001', scopes: ['case:read'] });
    const singles = Array.from({ length: 250 }, (_, i) =>
      query('query One($uci: ID!) { client(uci: $uci) { familyName travelHistory(first: 1) { edges { cursor } } } }', officer, { uci: i % 2 ? OWN : OTHER }),
    );
    const caseloads = Array.from({ length: 50 }, () => query('{ representative(id: "REP-000001") { clients(first: 10) { edges { node { familyName } } } } }', representative));
    const answers = await Promise.all([...singles, ...caseloads]);
    expect(answers.every((a) => a.status === 200 && !a.body.errors)).toBe(true);

    const after = await countRecords();
    expect(after.requests - before.requests).toBe(300);
    expect(after.records - before.records).toBe(250 + 50 * 10);
  });

  it('withholds the answer when the access cannot be recorded', async () => {
    await federation.stopSubgraph('audit');
    const officer = await federation.identity.token({ role: 'officer', subject: 'o', scopes: ['case:read'] });
    const { status, body } = await query('{ client(uci: "1234-5678") { familyName } }', officer);
    expect(status).toBe(503);
    expect(body.errors!.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(JSON.stringify(body)).not.toContain('Okafor');

    const publicDirectory = await query('{ representatives(first: 1) { edges { node { id } } } }', officer);
    expect(publicDirectory.status).toBe(200);
  });
});
