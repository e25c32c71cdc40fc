import { postQuery, useFederation } from '../fixtures/federation';
import { CLIENT_FILE, REPRESENTATIVE_CASELOAD } from '../../bench/flagship-queries';

const federation = useFederation();

describe('one query over three departmental systems', () => {
  it("returns a client's applications, decision, travel, presence, enforcement and access requests together", async () => {
    const { status, body } = await postQuery(
      federation.gatewayUrl,
      CLIENT_FILE,
      { uci: '1234-5678' },
      federation.officerToken,
    );

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const client = body.data!.client;
    expect(client).toMatchObject({ uci: '1234-5678', familyName: 'Okafor' });

    const [visitor, study, permanent] = client.applications;
    expect(visitor.decision).toMatchObject({
      outcome: 'REFUSED',
      grounds: [{ provision: 'IRPR 179(b)' }, { provision: 'IRPR 179(b)' }],
    });
    expect(visitor.decision.grounds[0].explanation).toMatch(/go home when the visit ends/);
    expect(visitor.decision.officerNotes).toMatch(/Application refused/);
    expect(study.decision.outcome).toBe('APPROVED');
    expect(permanent.status.status).toBe('IN_PROGRESS');
    expect(permanent.stages).toEqual([
      { name: 'BIOMETRICS', status: 'COMPLETED' },
      { name: 'MEDICAL_EXAM', status: 'WAITING_ON_YOU' },
      { name: 'BACKGROUND_VERIFICATION', status: 'NOT_STARTED' },
      { name: 'ELIGIBILITY', status: 'NOT_STARTED' },
    ]);
    expect(permanent.estimatedDecisionBy).toBe('2026-12-19');

    expect(client.travelHistory.edges.length).toBeGreaterThan(0);
    expect(client.daysInCanada.days).toBeGreaterThan(0);
    expect(client.daysInCanada.days).toBeLessThanOrEqual(1827);
    expect(client.enforcementActions).toEqual([
      {
        __typename: 'SecondaryExamination',
        kind: 'SECONDARY_EXAMINATION',
        occurredOn: '2022-01-20',
        result: 'Admitted; study permit issued',
      },
    ]);
    expect(client.accessRequests.map((r: { requestNumber: string }) => r.requestNumber)).toEqual([
      'A-2021-000000',
      'P-2026-000001',
      'A-2026-000002',
    ]);
    expect(client.accessRequests[1]).toMatchObject({
      institution: 'CBSA',
      act: 'PRIVACY_ACT',
      dueDate: '2026-10-21',
    });
  });

  it('accepts a UCI without dashes and a 10-digit UCI', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ a: client(uci: "12345678") { uci } b: client(uci: "12-3456-7890") { uci preferredLanguage } }',
      undefined,
      federation.officerToken,
    );
    expect(body.data).toEqual({
      a: { uci: '1234-5678' },
      b: { uci: '12-3456-7890', preferredLanguage: 'FR' },
    });
  });

  it('reaches a client from an access request and an application from the client', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ accessRequest(requestNumber: "a-2021-000000") { client { familyName } application { lineOfBusiness decision { outcome } } } }',
      undefined,
      federation.officerToken,
    );
    expect(body.data!.accessRequest).toEqual({
      client: { familyName: 'Okafor' },
      application: { lineOfBusiness: 'VISITOR_VISA', decision: { outcome: 'REFUSED' } },
    });
  });

  it("returns a representative's whole caseload of authorized clients, each with all three systems' data", async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      REPRESENTATIVE_CASELOAD,
      { id: 'REP-000001', first: 100 },
      federation.officerToken,
    );

    expect(body.errors).toBeUndefined();
    const representative = body.data!.representative;
    expect(representative.activeClientCount).toBeGreaterThanOrEqual(50);
    expect(representative.clients.edges).toHaveLength(representative.activeClientCount);
    expect(representative.clients.pageInfo.hasNextPage).toBe(false);
    for (const { node } of representative.clients.edges) {
      expect(node.applications.length).toBeGreaterThan(0);
      expect(Array.isArray(node.accessRequests)).toBe(true);
    }
  });

  it('pages through a caseload with cursors and no overlap', async () => {
    const first = await postQuery(
      federation.gatewayUrl,
      REPRESENTATIVE_CASELOAD,
      { id: 'REP-000001', first: 20 },
      federation.officerToken,
    );
    const { endCursor, hasNextPage } = first.body.data!.representative.clients.pageInfo;
    expect(hasNextPage).toBe(true);
    const second = await postQuery(
      federation.gatewayUrl,
      `query($after: String) { representative(id: "REP-000001") { clients(first: 20, after: $after) { edges { node { uci } } } } }`,
      { after: endCursor },
      federation.officerToken,
    );
    const firstUcis = first.body.data!.representative.clients.edges.map(
      (e: { node: { uci: string } }) => e.node.uci,
    );
    const secondUcis = second.body.data!.representative.clients.edges.map(
      (e: { node: { uci: string } }) => e.node.uci,
    );
    expect(secondUcis).toHaveLength(20);
    expect(secondUcis.filter((uci: string) => firstUcis.includes(uci))).toEqual([]);
    expect(secondUcis[0] > firstUcis[19]).toBe(true);
  });
});

describe('batching', () => {
  async function statementsFor(clients: number): Promise<Record<string, number>> {
    federation.resetCounts();
    const { body } = await postQuery(
      federation.gatewayUrl,
      REPRESENTATIVE_CASELOAD,
      { id: 'REP-000001', first: clients },
      federation.officerToken,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.representative.clients.edges).toHaveLength(clients);
    return federation.statements();
  }

  it('runs the same number of SQL statements per subgraph for a caseload of 5 clients as for 50', async () => {
    const few = await statementsFor(5);
    const many = await statementsFor(50);

    expect(many).toEqual(few);
    // One statement per entity type: representative, active-client count, clients page, applications,
    // stages (ircc-case); travel page (cbsa-border); access requests (atip); and one statement that
    // inserts the request and every client's file it read, all or none (audit).
    expect(many).toMatchObject({ 'ircc-case': 5, 'cbsa-border': 1, atip: 1, audit: 1 });
  });
});

describe('bad input', () => {
  it('rejects a malformed UCI with BAD_USER_INPUT naming the expected format', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ client(uci: "12-34") { uci } }',
      undefined,
      federation.officerToken,
    );
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uci' });
    expect(body.errors![0].message).toMatch(/8 digits \(1234-5678\) or 10 digits/);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('rejects a malformed application number with BAD_USER_INPUT', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ application(applicationNumber: "W12") { applicationNumber } }',
      undefined,
      federation.officerToken,
    );
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'applicationNumber' });
    expect(body.errors![0].message).toMatch(/one letter followed by nine digits/);
  });

  it('rejects a period whose start is after its end', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ client(uci: "1234-5678") { daysInCanada(from: "2026-01-01", to: "2025-01-01") { days } } }',
      undefined,
      federation.officerToken,
    );
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('rejects a page size over the limit and a forged cursor', async () => {
    const big = await postQuery(
      federation.gatewayUrl,
      '{ representatives(first: 501) { edges { cursor } } }',
      undefined,
      federation.officerToken,
    );
    expect(big.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await postQuery(
      federation.gatewayUrl,
      '{ representatives(after: "bm9wZQ") { edges { cursor } } }',
      undefined,
      federation.officerToken,
    );
    expect(forged.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('answers null, not an error, for a well-formed UCI that is not on file', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ client(uci: "9999-9999") { uci } }',
      undefined,
      federation.officerToken,
    );
    expect(body).toEqual({ data: { client: null }, extensions: { language: 'EN' } });
  });
});

describe('a subgraph outage', () => {
  it('still answers from the other subgraphs and names the unavailable service', async () => {
    await federation.stopSubgraph('cbsa-border');
    const { status, body } = await postQuery(
      federation.gatewayUrl,
      '{ client(uci: "1234-5678") { familyName enforcementActions { kind } accessRequests { requestNumber } } }',
      undefined,
      federation.officerToken,
    );
    expect(status).toBe(200);
    expect(body.data!.client).toMatchObject({ familyName: 'Okafor', enforcementActions: null });
    expect(body.data!.client.accessRequests).toHaveLength(3);
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'cbsa-border', reason: 'unreachable' },
      }),
    ]);
  });
});
