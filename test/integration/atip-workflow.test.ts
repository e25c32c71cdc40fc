import { today, addDays } from '../../subgraphs/kit/dates';
import { postQuery, useFederation } from '../fixtures/federation';

const federation = useFederation();
let representative: string;
let atipOfficer: string;

beforeAll(async () => {
  representative = await federation.identity.token({
    role: 'representative',
    subject: 'REP-000001',
    scopes: ['case:read', 'case:notes', 'atip:read'],
  });
  atipOfficer = await federation.identity.token({
    role: 'officer',
    subject: 'atip-officer-3',
    scopes: ['atip:read', 'atip:write'],
  });
});

const REQUEST_FIELDS = `requestNumber status requesterCategory receivedOn dueDate daysRemaining isOverdue fee
  selfService { aboutOwnFile coversWholeRequest availableNow { category query } }
  extensions { provision days noticeToCommissionerOn } holds { reason from to } exemptions { section pages }
  disposition pagesReleased complaint { commissioner status } history { action fromStatus toStatus actorRole actorSubject detail }`;
const SUBMIT = `mutation($input: SubmitAccessRequestInput!) { submitAccessRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (body.errors ?? []).map((e) => e.extensions?.code);

async function submit(token: string, input: Record<string, unknown>) {
  return postQuery(
    federation.gatewayUrl,
    SUBMIT,
    {
      input: {
        act: 'ACCESS_TO_INFORMATION_ACT',
        institution: 'IRCC',
        clientUci: '1234-5678',
        description: 'Copy of the officer notes (GCMS) and the status of the application',
        ...input,
      },
    },
    token,
  );
}

async function officer(mutation: string, requestNumber: string, args = '') {
  return postQuery(
    federation.gatewayUrl,
    `mutation($n: ID!) { ${mutation}(requestNumber: $n${args}) { ${REQUEST_FIELDS} } }`,
    { n: requestNumber },
    atipOfficer,
  );
}

describe('submitting a request', () => {
  it('lets a representative file for an authorized client, with category and consent taken from the authorization', async () => {
    const { body } = await submit(representative, { applicationNumber: 'V100012345' });
    expect(body.errors).toBeUndefined();
    const request = body.data!.submitAccessRequest;
    expect(request).toMatchObject({
      status: 'RECEIVED',
      requesterCategory: 'REPRESENTATIVE_WITH_CONSENT',
      receivedOn: today(),
      fee: 5,
      history: [
        {
          action: 'SUBMIT',
          fromStatus: null,
          toStatus: 'RECEIVED',
          actorRole: 'representative',
          actorSubject: 'REP-000001',
          detail: 'consent: AUTH-00000001',
        },
      ],
    });
    expect(request.requestNumber).toMatch(new RegExp(`^A-${today().slice(0, 4)}-\\d{7}$`));
    expect(request.selfService).toMatchObject({ aboutOwnFile: true, coversWholeRequest: true });
    expect(request.selfService.availableNow.map((a: { category: string }) => a.category).sort()).toEqual([
      'APPLICATION_STATUS',
      'DECISION_AND_NOTES',
    ]);
    expect(request.selfService.availableNow[0].query).toContain('V100012345');
  });

  it('returns the same request when a submission is retried with the same idempotency key', async () => {
    const first = await submit(representative, { idempotencyKey: 'portal-7f3a' });
    const retries = await Promise.all([
      submit(representative, { idempotencyKey: 'portal-7f3a' }),
      submit(representative, { idempotencyKey: 'portal-7f3a' }),
    ]);
    const numbers = [first, ...retries].map((r) => r.body.data!.submitAccessRequest.requestNumber);
    expect(new Set(numbers).size).toBe(1);
  });

  it("refuses a representative's request without a valid consent, or for a client they do not represent", async () => {
    const wrongConsent = await submit(representative, { consentAuthorizationId: 'AUTH-99999999' });
    expect(codes(wrongConsent.body)).toEqual(['BAD_USER_INPUT']);
    expect(wrongConsent.body.errors![0].message).toMatch(/AUTH-99999999 is not an active authorization/);
    const notTheirs = await submit(representative, { clientUci: '12-3456-7890' });
    expect(codes(notTheirs.body)).toEqual(['FORBIDDEN']);
  });

  it("files an applicant's own request in the CLIENT category, under the Privacy Act without a fee", async () => {
    const applicant = await federation.identity.token({
      role: 'applicant',
      subject: '12-3456-7890',
      scopes: ['atip:read'],
    });
    const { body } = await submit(applicant, {
      clientUci: '12-3456-7890',
      act: 'PRIVACY_ACT',
      institution: 'CBSA',
      description: 'All my entries and exits since 2015',
    });
    expect(body.data!.submitAccessRequest).toMatchObject({ requesterCategory: 'CLIENT', fee: 0 });
    expect(body.data!.submitAccessRequest.requestNumber).toMatch(/^P-/);
    expect(
      body.data!.submitAccessRequest.selfService.availableNow.map((a: { category: string }) => a.category),
    ).toEqual(['TRAVEL_HISTORY']);
  });
});

describe('processing a request', () => {
  let requestNumber: string;

  beforeAll(async () => {
    requestNumber = (
      await submit(representative, { description: 'All records about me, including emails between officers' })
    ).body.data!.submitAccessRequest.requestNumber;
  });

  it('needs atip:write', async () => {
    const reader = await federation.identity.token({ role: 'officer', subject: 'o', scopes: ['atip:read'] });
    const { body } = await postQuery(
      federation.gatewayUrl,
      'mutation($n: ID!) { startAccessRequest(requestNumber: $n) { status } }',
      { n: requestNumber },
      reader,
    );
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });

  it('refuses a step the current state does not allow, naming the state and the allowed steps', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      'mutation($n: ID!) { completeAccessRequest(input: { requestNumber: $n, disposition: ALL_DISCLOSED, pagesProcessed: 1, pagesReleased: 1 }) { status } }',
      { n: requestNumber },
      atipOfficer,
    );
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors![0].message).toBe(
      'A request that is `RECEIVED` cannot be given `COMPLETE`; from `RECEIVED` the allowed actions are `START`, `HOLD`, `EXTEND`, `ABANDON`, `COMPLAINT`.',
    );
  });

  it('walks start → hold → resume → extend → consult → complete, recording every step', async () => {
    expect((await officer('startAccessRequest', requestNumber)).body.data!.startAccessRequest.status).toBe(
      'IN_PROGRESS',
    );
    expect(
      (await officer('holdAccessRequest', requestNumber, ', reason: CLARIFICATION')).body.data!
        .holdAccessRequest.status,
    ).toBe('ON_HOLD_CLARIFICATION');
    const resumed = (await officer('resumeAccessRequest', requestNumber)).body.data!.resumeAccessRequest;
    expect(resumed).toMatchObject({
      status: 'IN_PROGRESS',
      holds: [{ reason: 'CLARIFICATION', from: today(), to: today() }],
    });

    const extended = (
      await officer(
        'extendAccessRequest',
        requestNumber,
        ', provision: ATIA_9_1_A, days: 45, reason: "3,000 pages"',
      )
    ).body.data!.extendAccessRequest;
    expect(extended.extensions).toEqual([
      { provision: 'ATIA 9(1)(a)', days: 45, noticeToCommissionerOn: today() },
    ]);
    expect(extended.dueDate >= addDays(today(), 75)).toBe(true);

    expect(
      (await officer('consultOnAccessRequest', requestNumber, ', consulting: "CBSA"')).body.data!
        .consultOnAccessRequest.status,
    ).toBe('IN_CONSULTATION');
    const { body } = await postQuery(
      federation.gatewayUrl,
      `mutation($n: ID!) { completeAccessRequest(input: { requestNumber: $n, disposition: DISCLOSED_IN_PART, pagesProcessed: 120, pagesReleased: 112,
        exemptions: [{ section: "ATIA 16(2)(c)", pages: 6 }, { section: "ATIA 19(1)", pages: 2 }] }) { ${REQUEST_FIELDS} } }`,
      { n: requestNumber },
      atipOfficer,
    );
    const done = body.data!.completeAccessRequest;
    expect(done).toMatchObject({
      status: 'COMPLETED',
      disposition: 'DISCLOSED_IN_PART',
      pagesReleased: 112,
      isOverdue: false,
      daysRemaining: null,
    });
    expect(done.exemptions).toEqual([
      { section: 'ATIA 16(2)(c)', pages: 6 },
      { section: 'ATIA 19(1)', pages: 2 },
    ]);
    expect(done.selfService.coversWholeRequest).toBe(false);
    expect(
      done.history.map((e: { action: string; toStatus: string }) => `${e.action}→${e.toStatus}`),
    ).toEqual([
      'SUBMIT→RECEIVED',
      'START→IN_PROGRESS',
      'HOLD→ON_HOLD_CLARIFICATION',
      'RESUME→IN_PROGRESS',
      'EXTEND→IN_PROGRESS',
      'CONSULT→IN_CONSULTATION',
      'COMPLETE→COMPLETED',
    ]);
    expect(
      done.history.slice(1).every((e: { actorSubject: string }) => e.actorSubject === 'atip-officer-3'),
    ).toBe(true);
  });

  it('records a complaint against the answered request', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      `mutation($n: ID!) { recordComplaint(requestNumber: $n, filedOn: "${today()}") { complaint { commissioner status } status } }`,
      { n: requestNumber },
      atipOfficer,
    );
    expect(body.data!.recordComplaint).toEqual({
      complaint: { commissioner: 'INFORMATION_COMMISSIONER', status: 'FILED' },
      status: 'COMPLETED',
    });
  });

  it('caps Privacy Act extensions at 30 days and refuses an ATIA provision on a Privacy Act request', async () => {
    const applicant = await federation.identity.token({
      role: 'applicant',
      subject: '1234-5678',
      scopes: ['atip:read'],
    });
    const number = (await submit(applicant, { act: 'PRIVACY_ACT' })).body.data!.submitAccessRequest
      .requestNumber;
    expect(
      codes(
        (
          await officer(
            'extendAccessRequest',
            number,
            ', provision: PRIVACY_ACT_15_A_I, days: 31, reason: "volume"',
          )
        ).body,
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        (await officer('extendAccessRequest', number, ', provision: ATIA_9_1_A, days: 10, reason: "volume"'))
          .body,
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const ok = (
      await officer(
        'extendAccessRequest',
        number,
        ', provision: PRIVACY_ACT_15_A_I, days: 30, reason: "volume"',
      )
    ).body.data!.extendAccessRequest;
    expect(ok.extensions).toEqual([
      { provision: 'Privacy Act 15(a)(i)', days: 30, noticeToCommissionerOn: null },
    ]);
  });
});

describe('proactive disclosure', () => {
  it('shows the applicant and their representative the decision notes without a request', async () => {
    const applicant = await federation.identity.token({
      role: 'applicant',
      subject: '1234-5678',
      scopes: ['case:read', 'case:notes'],
    });
    const query =
      '{ application(applicationNumber: "V100012345") { decisionNotes { outcome grounds { provision explanation } officerNotes } } }';
    for (const token of [applicant, representative]) {
      const { body } = await postQuery(federation.gatewayUrl, query, undefined, token);
      expect(body.errors).toBeUndefined();
      expect(body.data!.application.decisionNotes).toMatchObject({
        outcome: 'REFUSED',
        grounds: [{ provision: 'IRPR 179(b)' }, { provision: 'IRPR 179(b)' }],
      });
      expect(body.data!.application.decisionNotes.officerNotes).toMatch(/Application refused/);
    }
    const stranger = await federation.identity.token({
      role: 'applicant',
      subject: '12-3456-7890',
      scopes: ['case:read', 'case:notes'],
    });
    expect(codes((await postQuery(federation.gatewayUrl, query, undefined, stranger)).body)).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe('statistics', () => {
  it("computes IRCC's 2023-24 figures from the seeded requests, in the shape of the Commissioner's report", async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ atipStatistics(institution: IRCC, fiscalYear: "2023-2024") { received completed carriedOver completedOnTime averageDaysToComplete deemedRefusals complaints byRequesterCategory { category requests } } selfServiceShare(institution: IRCC, fiscalYear: "2023-2024") { requests answerableNow share } }',
    );
    expect(body.errors).toBeUndefined();
    const stats = body.data!.atipStatistics;
    const representatives = stats.byRequesterCategory.find(
      (c: { category: string }) => c.category === 'REPRESENTATIVE_WITH_CONSENT',
    ).requests;
    expect(representatives / stats.received).toBeGreaterThan(0.35);
    expect(representatives / stats.received).toBeLessThan(0.55);
    expect(stats.averageDaysToComplete).toBeGreaterThan(60);
    expect(stats.carriedOver).toBeGreaterThan(0);
    expect(stats.deemedRefusals).toBe(stats.completed - stats.completedOnTime);
    expect(body.data!.selfServiceShare.share).toBeGreaterThan(0.5);
  });

  it('refuses a malformed fiscal year', async () => {
    const { body } = await postQuery(
      federation.gatewayUrl,
      '{ atipStatistics(institution: IRCC, fiscalYear: "2023") { received } }',
    );
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
  });
});
