import { SignJWT, generateKeyPair } from 'jose';
import { uciAt } from '../../subgraphs/kit/seed/population';
import { postQuery, useFederation } from '../fixtures/federation';
import { AUDIENCE, ISSUER } from '../fixtures/tokens';

const federation = useFederation();
const OWN = '1234-5678';
const OTHER = '12-3456-7890';

const query = (text: string, token?: string, variables?: Record<string, unknown>) =>
  postQuery(federation.gatewayUrl, text, variables, token);
const codes = (errors: { extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) => e.extensions?.code);

describe('tokens', () => {
  const expectRefused = async (token: string, reason: RegExp) => {
    const { status, body } = await query('{ representatives(first: 1) { edges { cursor } } }', token);
    expect(status).toBe(401);
    expect(codes(body.errors)).toEqual(['UNAUTHENTICATED']);
    expect(body.errors![0].message).toMatch(reason);
    expect(body.data).toBeUndefined();
  };
  const signed = (claims: Record<string, unknown>) =>
    new SignJWT({ role: 'officer', scope: 'case:read', ...claims })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('officer-1');

  it('refuses an expired token', async () => {
    await expectRefused(
      await federation.identity.token({ role: 'officer', subject: 'o', ttl: '-1m' }),
      /expired/,
    );
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await signed({})
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setNotBefore('10m')
      .setExpirationTime('20m')
      .sign(federation.identity.privateKey);
    await expectRefused(token, /not valid yet/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await expectRefused(
      await federation.identity.token({ role: 'officer', subject: 'o', audience: 'someone-else' }),
      /"aud"/,
    );
    await expectRefused(
      await federation.identity.token({ role: 'officer', subject: 'o', issuer: 'https://evil.example' }),
      /"iss"/,
    );
  });

  it('refuses a token signed by any other key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    await expectRefused(
      await signed({}).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('5m').sign(privateKey),
      /could not be verified/,
    );
  });

  it('refuses a tampered token', async () => {
    const [header, payload, signature] = (
      await federation.identity.token({ role: 'applicant', subject: OWN })
    ).split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'officer' }),
    ).toString('base64url');
    await expectRefused(`${header}.${forged}.${signature}`, /could not be verified/);
  });

  it('refuses alg "none" and an HMAC token keyed with the public key', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = {
      sub: 'o',
      role: 'officer',
      iss: ISSUER,
      aud: AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 300,
    };
    await expectRefused(`${part({ alg: 'none' })}.${part(claims)}.`, /algorithm|could not be verified/);
    const hmac = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('the-public-key-as-a-shared-secret'));
    await expectRefused(hmac, /algorithm/);
  });

  it('treats a request without a token as anonymous, and refuses one whose header is not a bearer token', async () => {
    const { status, body } = await query('{ __typename }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic b2Zm' },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.status).toBe(401);
  });
});

describe('scopes, enforced at the gateway', () => {
  let travelPartner: string;

  beforeAll(async () => {
    travelPartner = await federation.identity.token({
      role: 'partner',
      subject: 'partner-cbsa-1',
      scopes: ['border:travel'],
      clientId: 'partner-app',
    });
  });

  it('removes the fields a token may not read, reports each as FORBIDDEN at its path, and runs the rest', async () => {
    const { status, body } = await query(
      `{ client(uci: "${OWN}") { uci familyName daysInCanada(from: "2025-01-01", to: "2025-12-31") { days } enforcementActions { kind } } }`,
      travelPartner,
    );
    expect(status).toBe(200);
    expect(body.data!.client.uci).toBe(OWN);
    expect(body.data!.client.daysInCanada.days).toBeGreaterThanOrEqual(0);
    expect(body.data!.client).not.toHaveProperty('familyName');
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['client', 'familyName'], extensions: { code: 'FORBIDDEN' } }),
      expect.objectContaining({ path: ['client', 'enforcementActions'], extensions: { code: 'FORBIDDEN' } }),
    ]);
  });

  it('is not fooled by aliases, named fragments or inline fragments', async () => {
    const { body } = await query(
      `query { client(uci: "${OWN}") { name: familyName ...Case ... on Client { notes: applications { decision { officerNotes } } } } }
       fragment Case on Client { representativeAuthorizations { id } }`,
      travelPartner,
    );
    expect(body.errors!.map((e) => e.path)).toEqual([
      ['client', 'name'],
      ['client', 'representativeAuthorizations'],
      ['client', 'notes'],
    ]);
    expect(codes(body.errors)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    // What is left of a selection is its __typename, which keeps the operation valid.
    expect(body.data!.client).toEqual({ __typename: 'Client' });
  });

  it('guards a field reached through an interface by what every implementation asks', async () => {
    const { body } = await query(
      `{ client(uci: "${OWN}") { enforcementActions { ... on SecondaryExamination { result } } } }`,
      travelPartner,
    );
    expect(codes(body.errors)).toEqual(['FORBIDDEN']);
  });

  it('keeps the type-level rule of a type reached from another subgraph', async () => {
    const atipOnly = await federation.identity.token({
      role: 'partner',
      subject: 'p',
      scopes: ['atip:read'],
    });
    const { body } = await query(
      '{ accessRequest(requestNumber: "A-2021-000000") { requestNumber application { lineOfBusiness } } }',
      atipOnly,
    );
    expect(body.data!.accessRequest.requestNumber).toBe('A-2021-000000');
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['accessRequest', 'application'], extensions: { code: 'FORBIDDEN' } }),
    ]);
  });

  it('lets an anonymous caller read only the public directory of representatives', async () => {
    const directory = await query('{ representatives(first: 2) { edges { node { id kind regulator } } } }');
    expect(directory.body.errors).toBeUndefined();
    expect(directory.body.data!.representatives.edges).toHaveLength(2);
    const file = await query(`{ client(uci: "${OWN}") { uci } }`);
    expect(codes(file.body.errors)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(file.body.data)).not.toContain(OWN);
  });

  it('shows each token only its part of the schema in introspection', async () => {
    const typeNames = async (token?: string) =>
      (await query('{ __schema { types { name } } }', token)).body.data!.__schema.types.map(
        (t: { name: string }) => t.name,
      );
    const fieldsOf = async (type: string, token?: string) =>
      (await query(`{ __type(name: "${type}") { fields { name } } }`, token)).body.data!.__type?.fields.map(
        (f: { name: string }) => f.name,
      ) ?? null;

    expect(await typeNames()).not.toContain('Client');
    expect(await typeNames()).toContain('Representative');
    expect(await fieldsOf('Representative')).not.toContain('clients');
    expect(await typeNames(travelPartner)).not.toContain('AccessRequest');
    expect(await fieldsOf('Client', travelPartner)).toEqual(
      expect.arrayContaining(['uci', 'travelHistory', 'daysInCanada']),
    );
    expect(await fieldsOf('Client', travelPartner)).not.toContain('familyName');
    expect(await typeNames(federation.officerToken)).toEqual(
      expect.arrayContaining(['Client', 'AccessRequest', 'Decision']),
    );
    expect(await typeNames(federation.officerToken)).not.toContain('representedClients');
  });

  it.each([
    ['at the root', '{ __type(name: "Client") { fields { name } } }'],
    ['aliased', '{ t: __type(name: "Client") { fields { name } } }'],
    ['in a named fragment', '{ ...T } fragment T on Query { __type(name: "Client") { fields { name } } }'],
    [
      'in nested inline fragments',
      '{ ... on Query { ... { t: __type(name: "Client") { fields { name } } } } }',
    ],
  ])("answers introspection %s from the caller's scoped schema, never the full one", async (_, text) => {
    const travelPartner = await federation.identity.token({
      role: 'partner',
      subject: 'p',
      scopes: ['border:travel'],
    });
    const { body } = await query(text, travelPartner);
    const type = body.data!.t ?? body.data!.__type;
    const names = type.fields.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['uci', 'travelHistory']));
    expect(names).not.toContain('familyName');
    expect((await query(text)).body.data).toEqual(body.data!.t ? { t: null } : { __type: null });
  });

  it('never suggests field names', async () => {
    const { status, body } = await query('{ representatives { edgez { cursor } } }');
    expect(status).toBe(200);
    expect(codes(body.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(body.errors![0].message).not.toMatch(/Did you mean/);
  });
});

describe('row-level access, enforced in the subgraphs', () => {
  const FILE = `query($uci: ID!) { client(uci: $uci) { familyName travelHistory(first: 1) { edges { cursor } } accessRequests { requestNumber } } }`;

  it("lets an applicant read their own file and nobody else's", async () => {
    const applicant = await federation.identity.token({ role: 'applicant', subject: OWN });
    const own = await query(FILE, applicant, { uci: OWN });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data!.client.familyName).toBe('Okafor');

    const other = await query(FILE, applicant, { uci: OTHER });
    expect(codes(other.body.errors)).toEqual(['FORBIDDEN']);
    expect(other.body.data).toEqual({ client: null });

    const otherRequest = await query(
      '{ accessRequest(requestNumber: "A-2021-000000") { requestNumber } }',
      await federation.identity.token({ role: 'applicant', subject: OTHER }),
    );
    expect(codes(otherRequest.body.errors)).toEqual(['FORBIDDEN']);
  });

  it('lets a representative read clients with an active authorization, in every subgraph, and their own caseload only', async () => {
    const representative = await federation.identity.token({ role: 'representative', subject: 'REP-000001' });
    const client = await query(FILE, representative, { uci: OWN });
    expect(client.body.errors).toBeUndefined();
    expect(client.body.data!.client.accessRequests).toHaveLength(3);

    const caseload = await query(
      '{ representative(id: "REP-000001") { activeClientCount } }',
      representative,
    );
    expect(caseload.body.data!.representative.activeClientCount).toBeGreaterThanOrEqual(50);
    const someoneElses = await query(
      '{ representative(id: "REP-000002") { activeClientCount } }',
      representative,
    );
    expect(codes(someoneElses.body.errors)).toEqual(['FORBIDDEN']);
  });

  it('refuses a representative the file of a client whose authorization was withdrawn, at once', async () => {
    const representative = await federation.identity.token({ role: 'representative', subject: 'REP-000001' });
    const withdrawnEarlier = uciAt(49);
    expect(codes((await query(FILE, representative, { uci: withdrawnEarlier })).body.errors)).toEqual([
      'FORBIDDEN',
    ]);

    const client = uciAt(7);
    expect((await query(FILE, representative, { uci: client })).body.errors).toBeUndefined();
    await federation
      .database('ircc-case')
      .query(`UPDATE representative_authorization SET cancelled_on = current_date WHERE client_uci = $1`, [
        client,
      ]);
    const after = await query(FILE, representative, { uci: client });
    expect(codes(after.body.errors)).toEqual(['FORBIDDEN']);
    expect(after.body.data).toEqual({ client: null });
  });

  it('refuses a representative in the border and ATIP subgraphs too, not only in case management', async () => {
    const representative = await federation.identity.token({ role: 'representative', subject: 'REP-000001' });
    const travel = await postQuery(
      federation.subgraphUrls['cbsa-border'],
      `{ _entities(representations: [{ __typename: "Client", uci: "${OTHER}" }]) { ... on Client { travelHistory { edges { cursor } } } } }`,
    );
    expect(travel.status).toBe(401);
    const { body } = await query(
      `{ application(applicationNumber: "V100012345") { accessRequests { requestNumber } } }`,
      representative,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.application.accessRequests).toHaveLength(1);
  });
});
