import { uciAt } from '../../subgraphs/kit/seed/population';
import { postQuery, useFederation } from '../fixtures/federation';

/** Every write checks role, row and state before it writes, and a refused write changes nothing. */
const federation = useFederation();
const OWN = '1234-5678';
const OTHER = '12-3456-7890';

const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (body.errors ?? []).map((e) => e.extensions?.code);
const atip = () => federation.database('atip');

/** Everything a step could change about a request: the row, its history, holds, extensions, exemptions and complaint. */
async function snapshot(requestNumber: string) {
  const rows = (table: string) =>
    atip().query(`SELECT * FROM ${table} WHERE request_number = $1 ORDER BY 1, 2`, [requestNumber]);
  return {
    request: await rows('access_request'),
    history: await rows('access_request_event'),
    holds: await rows('access_request_hold'),
    extensions: await rows('access_request_extension'),
    exemptions: await rows('access_request_exemption'),
    complaint: await rows('access_request_complaint'),
  };
}

async function openRequestOf(uci: string): Promise<string> {
  const [row] = await atip().query<{ number: string }>(
    "SELECT request_number AS number FROM access_request WHERE client_uci = $1 AND status = 'RECEIVED' ORDER BY request_number LIMIT 1",
    [uci],
  );
  if (row) return row.number;
  const [any] = await atip().query<{ number: string }>(
    "SELECT request_number AS number FROM access_request WHERE client_uci <> $1 AND status = 'RECEIVED' LIMIT 1",
    [uci],
  );
  return any.number;
}

/** Each officer step, with arguments that would succeed on a received request. */
const STEPS: Record<string, string> = {
  startAccessRequest: 'startAccessRequest(requestNumber: $n) { status }',
  holdAccessRequest: 'holdAccessRequest(requestNumber: $n, reason: FEE) { status }',
  resumeAccessRequest: 'resumeAccessRequest(requestNumber: $n) { status }',
  extendAccessRequest:
    'extendAccessRequest(requestNumber: $n, provision: ATIA_9_1_A, days: 30, reason: "volume") { status }',
  consultOnAccessRequest: 'consultOnAccessRequest(requestNumber: $n, consulting: "CBSA") { status }',
  completeAccessRequest:
    'completeAccessRequest(input: { requestNumber: $n, disposition: ALL_DISCLOSED, pagesProcessed: 3, pagesReleased: 3 }) { status }',
  abandonAccessRequest: 'abandonAccessRequest(requestNumber: $n, reason: "gone") { status }',
  recordComplaint: 'recordComplaint(requestNumber: $n, filedOn: "2099-01-01") { status }',
};

describe('officer steps refuse everyone but ATIP officers, before anything is written', () => {
  const callers = {
    'the applicant the request is about, holding atip:write': () =>
      federation.identity.token({ role: 'applicant', subject: OTHER, scopes: ['atip:read', 'atip:write'] }),
    'another applicant, holding atip:write': () =>
      federation.identity.token({ role: 'applicant', subject: OWN, scopes: ['atip:read', 'atip:write'] }),
    'a representative holding atip:write': () =>
      federation.identity.token({
        role: 'representative',
        subject: 'REP-000001',
        scopes: ['atip:read', 'atip:write'],
      }),
    'a partner holding atip:write': () =>
      federation.identity.token({
        role: 'partner',
        subject: 'partner-1',
        scopes: ['atip:read', 'atip:write'],
      }),
    'an officer without atip:write': () =>
      federation.identity.token({ role: 'officer', subject: 'officer-1', scopes: ['atip:read'] }),
  };
  const cases = Object.keys(STEPS).flatMap((step) =>
    Object.keys(callers).map((caller) => [step, caller] as const),
  );

  it.each(cases)(
    '%s by %s leaves the request, its history and its deadlines as they were',
    async (step, caller) => {
      const requestNumber = await openRequestOf(OTHER);
      const before = await snapshot(requestNumber);
      const { body } = await postQuery(
        federation.gatewayUrl,
        `mutation($n: ID!) { ${STEPS[step]} }`,
        { n: requestNumber },
        await callers[caller as keyof typeof callers](),
      );
      expect(codes(body)).toEqual(['FORBIDDEN']);
      expect(body.data?.[step] ?? null).toBeNull();
      expect(await snapshot(requestNumber)).toEqual(before);
    },
  );
});

describe('submitting checks the file, the application and the key before it writes', () => {
  const SUBMIT =
    'mutation($input: SubmitAccessRequestInput!) { submitAccessRequest(input: $input) { requestNumber clientUci: client { uci } } }';
  const input = (extra: Record<string, unknown> = {}) => ({
    act: 'PRIVACY_ACT',
    institution: 'IRCC',
    clientUci: OWN,
    description: 'Everything you hold about my application',
    ...extra,
  });
  const submit = async (token: string, extra: Record<string, unknown> = {}) =>
    (await postQuery(federation.gatewayUrl, SUBMIT, { input: input(extra) }, token)).body;
  const requestCount = async () =>
    (await atip().query<{ n: number }>('SELECT count(*)::int AS n FROM access_request'))[0].n;
  const applicant = () =>
    federation.identity.token({ role: 'applicant', subject: OWN, scopes: ['atip:read'] });

  it("refuses someone else's file and writes nothing", async () => {
    const before = await requestCount();
    const body = await submit(await federation.identity.token({ role: 'applicant', subject: OTHER }));
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(await requestCount()).toBe(before);
  });

  it('refuses an application that does not exist, or belongs to another client', async () => {
    const [foreign] = await federation
      .database('ircc-case')
      .query<{ n: string }>('SELECT application_number AS n FROM application WHERE client_uci = $1 LIMIT 1', [
        OTHER,
      ]);
    const before = await requestCount();
    for (const applicationNumber of ['V999999999', foreign.n]) {
      const body = await submit(await applicant(), { applicationNumber });
      expect(body.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'applicationNumber' }),
        }),
      ]);
    }
    expect(await requestCount()).toBe(before);
    const [own] = await federation
      .database('ircc-case')
      .query<{ n: string }>('SELECT application_number AS n FROM application WHERE client_uci = $1 LIMIT 1', [
        OWN,
      ]);
    expect((await submit(await applicant(), { applicationNumber: own.n })).errors).toBeUndefined();
  });

  it('keeps an idempotency key to its caller and its submission', async () => {
    const token = await applicant();
    const first = await submit(token, { idempotencyKey: 'portal-key-1' });
    expect(first.errors).toBeUndefined();
    expect((await submit(token, { idempotencyKey: 'portal-key-1' })).data).toEqual(first.data);

    const reused = await submit(token, {
      idempotencyKey: 'portal-key-1',
      description: 'Something else entirely',
    });
    expect(reused.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          field: 'idempotencyKey',
          reason: 'IDEMPOTENCY_KEY_REUSED',
        }),
      }),
    ]);
    expect(reused.data?.submitAccessRequest ?? null).toBeNull();

    // The same key from another caller is theirs: it never returns this caller's request.
    const otherPerson = await federation.identity.token({ role: 'applicant', subject: OTHER });
    const theirs = await submit(otherPerson, { clientUci: OTHER, idempotencyKey: 'portal-key-1' });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.submitAccessRequest.requestNumber).not.toBe(
      first.data!.submitAccessRequest.requestNumber,
    );
  });

  it('gives a representative whose authorization was withdrawn nothing back on a replay', async () => {
    const client = uciAt(7);
    const representative = await federation.identity.token({ role: 'representative', subject: 'REP-000001' });
    const filed = await submit(representative, { clientUci: client, idempotencyKey: 'rep-key-1' });
    expect(filed.errors).toBeUndefined();
    await federation
      .database('ircc-case')
      .query('UPDATE representative_authorization SET cancelled_on = current_date WHERE client_uci = $1', [
        client,
      ]);
    const replay = await submit(representative, { clientUci: client, idempotencyKey: 'rep-key-1' });
    expect(codes(replay)).toEqual(['FORBIDDEN']);
    expect(replay.data?.submitAccessRequest ?? null).toBeNull();
  });
});

describe('a request filed by a third party about a person', () => {
  const FIELDS = `requestNumber institution status receivedOn dueDate requesterWithheld act requesterCategory description
    application { applicationNumber } history { actorSubject } selfService { coversWholeRequest } fee exemptions { section } complaint { status }`;

  it('shows the person that it exists, its institution, status and dates, and nothing that tells who asked or what for', async () => {
    const [thirdParty] = await atip().query<{ uci: string; n: string }>(
      "SELECT client_uci AS uci, request_number AS n FROM access_request WHERE requester_category IN ('MEDIA', 'BUSINESS', 'ACADEMIA', 'ORGANIZATION', 'PUBLIC') LIMIT 1",
    );
    const person = await federation.identity.token({ role: 'applicant', subject: thirdParty.uci });
    const { body } = await postQuery(
      federation.gatewayUrl,
      `query($uci: ID!) { client(uci: $uci) { accessRequests { ${FIELDS} } } }`,
      { uci: thirdParty.uci },
      person,
    );
    const seen = body.data!.client.accessRequests.find(
      (r: { requestNumber: string }) => r.requestNumber === thirdParty.n,
    );
    expect(seen).toMatchObject({
      requesterWithheld: true,
      act: null,
      requesterCategory: null,
      description: null,
      application: null,
      history: null,
      selfService: null,
      fee: null,
      exemptions: null,
      complaint: null,
    });
    expect(seen.institution).toBeTruthy();
    expect(seen.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seen.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const [withApplication] = await atip().query<{ uci: string; n: string; application: string }>(
      `SELECT client_uci AS uci, request_number AS n, application_number AS application FROM access_request
       WHERE requester_category IN ('MEDIA', 'BUSINESS', 'ACADEMIA', 'ORGANIZATION', 'PUBLIC') AND application_number IS NOT NULL LIMIT 1`,
    );
    const owner = await federation.identity.token({ role: 'applicant', subject: withApplication.uci });
    const underApplication = await postQuery(
      federation.gatewayUrl,
      'query($a: ID!) { application(applicationNumber: $a) { accessRequests { requestNumber } } }',
      { a: withApplication.application },
      owner,
    );
    // Listed under the application, it would tell which application the third party asked about.
    expect(
      underApplication.body.data!.application.accessRequests.map(
        (r: { requestNumber: string }) => r.requestNumber,
      ),
    ).not.toContain(withApplication.n);

    const byNumber = await postQuery(
      federation.gatewayUrl,
      `query($n: ID!) { accessRequest(requestNumber: $n) { ${FIELDS} } }`,
      { n: thirdParty.n },
      person,
    );
    expect(byNumber.body.data!.accessRequest).toMatchObject({
      requesterWithheld: true,
      description: null,
      requesterCategory: null,
    });

    const atipOfficer = await federation.identity.token({
      role: 'officer',
      subject: 'atip-officer',
      scopes: ['atip:read'],
    });
    const asOfficer = await postQuery(
      federation.gatewayUrl,
      `query($n: ID!) { accessRequest(requestNumber: $n) { ${FIELDS} } }`,
      { n: thirdParty.n },
      atipOfficer,
    );
    expect(asOfficer.body.data!.accessRequest).toMatchObject({
      requesterWithheld: false,
      description: expect.any(String),
      requesterCategory: expect.any(String),
    });
  });
});

describe('holds', () => {
  it('keeps a request held again on the day it was resumed on hold, with its new reason', async () => {
    const officer = await federation.identity.token({
      role: 'officer',
      subject: 'atip-officer',
      scopes: ['atip:read', 'atip:write'],
    });
    const requestNumber = await openRequestOf(OWN);
    const step = (mutation: string) =>
      postQuery(federation.gatewayUrl, `mutation($n: ID!) { ${mutation} }`, { n: requestNumber }, officer);
    for (const mutation of [
      'holdAccessRequest(requestNumber: $n, reason: FEE) { status }',
      'resumeAccessRequest(requestNumber: $n) { status }',
      'holdAccessRequest(requestNumber: $n, reason: CLARIFICATION) { status }',
    ]) {
      expect((await step(mutation)).body.errors).toBeUndefined();
    }
    const holds = await atip().query<{ reason: string; open: boolean }>(
      'SELECT reason, held_to IS NULL AS open FROM access_request_hold WHERE request_number = $1',
      [requestNumber],
    );
    expect(holds).toEqual([{ reason: 'CLARIFICATION', open: true }]);
  });
});
