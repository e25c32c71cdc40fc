import { uciAt } from '../../subgraphs/kit/seed/population';
import { postQuery, useFederation } from '../fixtures/federation';

/** A portal checks a wording as the person types, before anything is filed. */
const federation = useFederation();
const OWN = '1234-5678';

const CHECK = `query Check($uci: ID!, $institution: Institution!, $application: ID, $description: String, $asks: [SelfServiceCategory!]) {
  selfServiceCheck(institution: $institution, clientUci: $uci, applicationNumber: $application, description: $description, asks: $asks) {
    aboutOwnFile verdict notUnderstood coversWholeRequest stillNeedsRequest
    availableNow { category query headline }
    parts { text categories declined needsRequest }
  }
}`;

async function check(token: string, description: string | null, more: Record<string, unknown> = {}) {
  const { body } = await postQuery(
    federation.gatewayUrl,
    CHECK,
    { uci: OWN, institution: 'IRCC', description, ...more },
    token,
  );
  return body;
}

const requests = async () =>
  (await federation.database('atip').query<{ n: number }>('SELECT count(*)::int AS n FROM access_request'))[0]
    .n;

describe('checking a request before filing it', () => {
  it('tells the applicant what One Window shows now, with the query and the answer in a line, and files nothing', async () => {
    const before = await requests();
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const body = await check(applicant, 'The status of my application and my GCMS notes');
    expect(body.errors).toBeUndefined();
    const result = body.data!.selfServiceCheck;
    expect(result).toMatchObject({ aboutOwnFile: true, coversWholeRequest: true, stillNeedsRequest: [] });
    expect(result.parts.map((p: { categories: string[] }) => p.categories)).toEqual([
      ['APPLICATION_STATUS'],
      ['DECISION_AND_NOTES'],
    ]);
    const status = result.availableNow.find((a: { category: string }) => a.category === 'APPLICATION_STATUS');
    expect(status.headline).toMatch(
      /^[A-Z]\d{9}: (received|in progress|closed) \(as of [A-Z][a-z]+ \d{1,2}, \d{4}\)/,
    );
    expect(status.query).toContain('client(uci: "1234-5678")');
    expect(await requests()).toBe(before);
  });

  it('reads French, counts travel records, and says what would still need a formal request', async () => {
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const body = await check(
      applicant,
      'Mes entrées et sorties du Canada et les résultats de mon examen médical',
      { institution: 'CBSA' },
    );
    const result = body.data!.selfServiceCheck;
    expect(result.coversWholeRequest).toBe(false);
    expect(result.stillNeedsRequest).toEqual(['MEDICAL']);
    expect(result.availableNow).toEqual([
      expect.objectContaining({
        category: 'TRAVEL_HISTORY',
        headline: expect.stringMatching(/^\d+ entries and exits on record$/),
      }),
    ]);
  });

  it("gives a headline only where the token's scopes would let the caller read the answer", async () => {
    const statusOnly = await federation.identity.token({
      role: 'applicant',
      subject: OWN,
      scopes: ['case:read'],
    });
    const result = (await check(statusOnly, 'GCMS notes and status')).data!.selfServiceCheck;
    expect(
      result.availableNow.map((a: { category: string; headline: string | null }) => [
        a.category,
        a.headline !== null,
      ]),
    ).toEqual([
      ['DECISION_AND_NOTES', false],
      ['APPLICATION_STATUS', true],
    ]);
  });

  it("answers a representative for an authorized client, and nothing personal about anyone else's file", async () => {
    const representative = await federation.identity.token({ role: 'representative', subject: 'REP-000001' });
    const client = (await check(representative, 'status', { uci: uciAt(7) })).data!.selfServiceCheck;
    expect(client).toMatchObject({ aboutOwnFile: true, coversWholeRequest: true });
    const stranger = await federation.identity.token({ role: 'applicant', subject: '12-3456-7890' });
    const refused = (await check(stranger, 'status and GCMS notes')).data!.selfServiceCheck;
    expect(refused).toMatchObject({ aboutOwnFile: false, coversWholeRequest: false, availableNow: [] });
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    expect((await check(officer, 'status')).data!.selfServiceCheck).toMatchObject({
      aboutOwnFile: false,
      availableNow: [],
    });
  });

  it('is audited like any read of the file it names, whoever asks: read where the caller may read it, refused elsewhere', async () => {
    const asker = {
      'the applicant': { claims: { role: 'applicant', subject: OWN }, outcome: 'READ' },
      'another applicant': { claims: { role: 'applicant', subject: '12-3456-7890' }, outcome: 'DENIED' },
      'their representative': { claims: { role: 'representative', subject: 'REP-000001' }, outcome: 'READ' },
      'another representative': {
        claims: { role: 'representative', subject: 'REP-000002' },
        outcome: 'DENIED',
      },
      'an officer': { claims: { role: 'officer', subject: 'officer-7' }, outcome: 'READ' },
      'a partner': { claims: { role: 'partner', subject: 'p', clientId: 'partner-system' }, outcome: 'READ' },
    } as const;
    for (const [who, { claims, outcome }] of Object.entries(asker)) {
      const operation = `Audited${Object.keys(asker).indexOf(who)}x${Date.now()}`;
      const { body } = await postQuery(
        federation.gatewayUrl,
        CHECK.replace('query Check', `query ${operation}`),
        { uci: OWN, institution: 'IRCC', description: 'status' },
        await federation.identity.token(claims),
      );
      expect([who, body.errors]).toEqual([who, undefined]);
      const files = await federation.database('audit').query<{ outcome: string }>(
        `SELECT f.outcome FROM access_event_file f JOIN access_event e ON e.request_id = f.request_id
         WHERE e.operation_name = $1 AND f.client_uci = $2`,
        [operation, OWN],
      );
      expect([who, files.map((file) => file.outcome)]).toEqual([who, [outcome]]);
    }
  });

  it('answers in three ways: covered, needs a formal request, or uncertain with the words not understood', async () => {
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const verdicts = await Promise.all(
      [
        'It has been eight months since I applied. What is the status of my application?',
        "My GCMS notes and my wife's GCMS notes",
        'My GCMS notes and the zorblax',
      ].map(async (description) => (await check(applicant, description)).data!.selfServiceCheck),
    );
    expect(verdicts.map(({ verdict, notUnderstood }) => [verdict, notUnderstood])).toEqual([
      ['COVERED', []],
      ['NEEDS_REQUEST', []],
      ['UNCERTAIN', ['zorblax']],
    ]);
  });

  it("takes a portal's checkboxes, with the wording as a safety net that can only add what needs a request", async () => {
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const checked = (await check(applicant, null, { asks: ['APPLICATION_STATUS', 'DECISION_AND_NOTES'] }))
      .data!.selfServiceCheck;
    expect(checked).toMatchObject({ verdict: 'COVERED', parts: [] });
    expect(checked.availableNow.map((answer: { category: string }) => answer.category)).toEqual([
      'APPLICATION_STATUS',
      'DECISION_AND_NOTES',
    ]);
    const withMedical = (
      await check(applicant, 'et les résultats de mon examen médical', { asks: ['APPLICATION_STATUS'] })
    ).data!.selfServiceCheck;
    expect(withMedical).toMatchObject({ verdict: 'NEEDS_REQUEST', stillNeedsRequest: ['MEDICAL'] });
    const nothing = await check(applicant, null);
    expect(nothing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asks' });
  });

  it("refuses an application that is not the client's, and a wording of the wrong length", async () => {
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const foreign = await check(applicant, 'status', { application: 'V999999999' });
    expect(foreign.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'applicationNumber',
    });
    const empty = await check(applicant, '   ');
    expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
  });
});
