import { postQuery, useFederation } from '../fixtures/federation';

/** Every kind of bad input gets a clear error, a stable code, the right status, no stack trace, and changes nothing. */
const federation = useFederation();
let token: string;

beforeAll(async () => {
  token = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
});

const auditRecords = async () =>
  (
    await federation
      .database('audit')
      .query<{ n: number }>('SELECT count(*)::int AS n FROM access_event_file')
  )[0].n;

/** A client of the GraphQL-over-HTTP spec's own media type, which learns from the status that its request was refused. */
const GRAPHQL_RESPONSE = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

async function send(body: string, headers: Record<string, string> = GRAPHQL_RESPONSE) {
  const response = await fetch(federation.gatewayUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

const json = (payload: unknown) => send(JSON.stringify(payload));

async function expectRefused(
  attempt: Promise<Awaited<ReturnType<typeof send>>>,
  status: number,
  code: string,
  message?: RegExp,
) {
  const before = await auditRecords();
  const { status: actual, text, json: body } = await attempt;
  expect(actual).toBe(status);
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  if (message) expect(body.errors![0].message).toMatch(message);
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(await auditRecords()).toBe(before);
}

describe('bad input', () => {
  it('malformed JSON: 400 BAD_REQUEST', async () => {
    await expectRefused(send('{"query": "{ __typename }"'), 400, 'BAD_REQUEST', /not valid JSON/);
  });

  it('wrong content type: 400 BAD_REQUEST', async () => {
    await expectRefused(send('{ __typename }', { 'content-type': 'text/plain' }), 400, 'BAD_REQUEST');
  });

  it('missing query: 400 BAD_REQUEST', async () => {
    await expectRefused(json({ variables: {} }), 400, 'BAD_REQUEST', /query/);
  });

  it('oversized body: 413 PAYLOAD_TOO_LARGE', async () => {
    await expectRefused(
      json({ query: `{ __typename }#${'x'.repeat(300 * 1024)}` }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('unknown operation name: 400 OPERATION_RESOLUTION_FAILURE', async () => {
    await expectRefused(
      json({ query: 'query A { __typename }', operationName: 'B' }),
      400,
      'OPERATION_RESOLUTION_FAILURE',
      /B/,
    );
  });

  it('variables of the wrong type: 400 BAD_USER_INPUT', async () => {
    await expectRefused(
      json({
        query: 'query($n: Int) { representatives(first: $n) { edges { cursor } } }',
        variables: { n: 'ten' },
      }),
      400,
      'BAD_USER_INPUT',
      /\$n/,
    );
  });

  it('malformed UCI: BAD_USER_INPUT naming the expected format', async () => {
    await expectRefused(json({ query: '{ client(uci: "ABC") { uci } }' }), 200, 'BAD_USER_INPUT', /8 digits/);
  });

  it('malformed application number: BAD_USER_INPUT naming the expected format', async () => {
    await expectRefused(
      json({ query: '{ application(applicationNumber: "123") { applicationNumber } }' }),
      200,
      'BAD_USER_INPUT',
      /nine digits/,
    );
  });

  it('a query too deep: 400 QUERY_TOO_DEEP', async () => {
    const hop = 'representativeAuthorizations { representative { clients(first: 1) { edges { node { ';
    const deep = `{ client(uci: "1234-5678") { ${hop.repeat(3)}uci${' } } } } }'.repeat(3)} } }`;
    await expectRefused(json({ query: deep }), 400, 'QUERY_TOO_DEEP');
  });

  it('too many aliases: 400 TOO_MANY_ALIASES', async () => {
    const aliased = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    await expectRefused(json({ query: aliased }), 400, 'TOO_MANY_ALIASES');
  });

  it('too many tokens: 400 GRAPHQL_PARSE_FAILED before any other work', async () => {
    await expectRefused(
      json({ query: `{ ${'__typename '.repeat(3100)}}` }),
      400,
      'GRAPHQL_PARSE_FAILED',
      /tokens/,
    );
  });

  it('too costly: 400 QUERY_TOO_COSTLY', async () => {
    const costly = `{ representative(id: "REP-000001") { clients(first: 500) { edges { node {
      applications { stages { name } messages { kind } } travelHistory(first: 500) { edges { cursor } } } } } } }`;
    await expectRefused(json({ query: costly }), 400, 'QUERY_TOO_COSTLY', /smaller pages/);
  });

  it('gives a client that accepts only application/json the same errors with 200, as the spec asks', async () => {
    const plainJson = { 'content-type': 'application/json', accept: 'application/json' };
    await expectRefused(
      send(JSON.stringify({ query: '{ nope }' }), plainJson),
      200,
      'GRAPHQL_VALIDATION_FAILED',
    );
    await expectRefused(
      send(JSON.stringify({ query: '{ representatives(first: 0) { edges { cursor } } }' }), plainJson),
      200,
      'BAD_USER_INPUT',
    );
    await expectRefused(send('{"query": "{ __typename }"', plainJson), 400, 'BAD_REQUEST');
  });

  it('an operation type the API does not have: a request error, not a fault', async () => {
    await expectRefused(
      json({ query: 'subscription { __typename }' }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /no subscription/,
    );
  });

  it('batched operations: 400 BATCH_TOO_LARGE', async () => {
    await expectRefused(
      json([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
      400,
      'BATCH_TOO_LARGE',
    );
  });

  it('leaves the flagship queries within every limit', async () => {
    const { CLIENT_FILE, REPRESENTATIVE_CASELOAD } = await import('../../bench/flagship-queries');
    expect(
      (await postQuery(federation.gatewayUrl, CLIENT_FILE, { uci: '1234-5678' }, token)).body.errors,
    ).toBeUndefined();
    expect(
      (
        await postQuery(
          federation.gatewayUrl,
          REPRESENTATIVE_CASELOAD,
          { id: 'REP-000001', first: 100 },
          token,
        )
      ).body.errors,
    ).toBeUndefined();
  });
});
