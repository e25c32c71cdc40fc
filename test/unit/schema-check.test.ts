import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  classifyChanges,
  DeprecatedSince,
  documentErrors,
  schemaFromSdl,
} from '../../bin/tools/schema-changes';
import { checkAgainstRelease, registeredDocuments } from '../../bin/tools/schema-versions';

/**
 * The schema check front-end teams and partners rely on: each kind of change gets its verdict, a
 * change that breaks a registered document fails, and a removal ships only after a released
 * deprecation announced it with a date that has come.
 */
const TODAY = '2027-04-01';
/** Each deprecation below was first released on 1 December 2026. */
const SINCE: DeprecatedSince = (path) =>
  ['Client.nickname', 'Client.middleName', 'Client.alias', 'Client.familyName'].includes(path)
    ? '2026-12-01'
    : undefined;

const RELEASED = `
  type Query {
    client(uci: ID!): Client
    clients(first: Int): [Client!]!
  }
  type Client {
    uci: ID!
    familyName: String
    nickname: String @deprecated(reason: "Use givenName; removed on or after 2027-03-31.")
    middleName: String @deprecated(reason: "Use givenName; removed on or after 2027-09-30.")
    alias: String @deprecated(reason: "Use givenName.")
    status: Status
  }
  enum Status { OPEN CLOSED }
`;

async function verdicts(current: string) {
  return classifyChanges('api', buildSchema(RELEASED), buildSchema(current), SINCE, TODAY);
}

describe('a schema change', () => {
  it('adding an optional field is safe, and the check passes', async () => {
    const changes = await verdicts(
      RELEASED.replace('familyName: String', 'familyName: String\n givenName: String'),
    );
    expect(changes).toEqual([expect.objectContaining({ verdict: 'safe', path: 'Client.givenName' })]);
  });

  it('making an argument required is breaking, and never allowed', async () => {
    const changes = await verdicts(RELEASED.replace('clients(first: Int)', 'clients(first: Int!)'));
    expect(changes).toEqual([
      expect.objectContaining({ verdict: 'breaking', ruling: expect.objectContaining({ allowed: false }) }),
    ]);
  });

  it("changing a field's type is breaking, and never allowed", async () => {
    const changes = await verdicts(RELEASED.replace('familyName: String', 'familyName: Int'));
    expect(changes).toEqual([
      expect.objectContaining({
        verdict: 'breaking',
        path: 'Client.familyName',
        ruling: expect.objectContaining({ allowed: false }),
      }),
    ]);
  });

  it('adding an enum value is dangerous: a client may not expect it', async () => {
    const changes = await verdicts(
      RELEASED.replace('enum Status { OPEN CLOSED }', 'enum Status { OPEN CLOSED WITHDRAWN }'),
    );
    expect(changes).toEqual([expect.objectContaining({ verdict: 'dangerous' })]);
  });

  it('removing a field never deprecated is breaking and not allowed', async () => {
    const [change] = await verdicts(RELEASED.replace('familyName: String', ''));
    expect(change).toEqual(
      expect.objectContaining({
        verdict: 'breaking',
        ruling: { allowed: false, why: expect.stringMatching(/not deprecated/) },
      }),
    );
  });

  it('removing a field deprecated for a date that has come is allowed', async () => {
    const [change] = await verdicts(RELEASED.replace(/nickname: String @deprecated\([^)]*\)/, ''));
    expect(change).toEqual(
      expect.objectContaining({
        verdict: 'breaking',
        path: 'Client.nickname',
        ruling: expect.objectContaining({ allowed: true }),
      }),
    );
  });

  it('removing a field before its announced date, or deprecated without a date, is not allowed', async () => {
    const [early] = await verdicts(RELEASED.replace(/middleName: String @deprecated\([^)]*\)/, ''));
    expect(early.ruling).toEqual({
      allowed: false,
      why: expect.stringMatching(/2027-09-30, which has not come/),
    });
    const [undated] = await verdicts(RELEASED.replace(/alias: String @deprecated\([^)]*\)/, ''));
    expect(undated.ruling).toEqual({
      allowed: false,
      why: expect.stringMatching(/does not say "removed on or after/),
    });
  });

  it("removing a field whose deprecation gave less than 90 days' notice, or that no release recorded, is not allowed", async () => {
    const removed = buildSchema(RELEASED.replace(/nickname: String @deprecated\([^)]*\)/, ''));
    const [late] = await classifyChanges('api', buildSchema(RELEASED), removed, () => '2027-03-15', TODAY);
    expect(late.ruling).toEqual({ allowed: false, why: expect.stringMatching(/less than 90 days' notice/) });
    const [unrecorded] = await classifyChanges('api', buildSchema(RELEASED), removed, () => undefined, TODAY);
    expect(unrecorded.ruling).toEqual({ allowed: false, why: expect.stringMatching(/no release records/) });
  });

  it('deprecating a field is safe; removing it in the next release, once due, is allowed', async () => {
    const deprecated = RELEASED.replace(
      'familyName: String',
      'familyName: String @deprecated(reason: "Use surname; removed on or after 2027-03-01.")',
    );
    const first = await verdicts(deprecated);
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((change) => change.verdict !== 'safe')).toEqual([]);
    const second = await classifyChanges(
      'api',
      buildSchema(deprecated),
      buildSchema(deprecated.replace(/familyName: String @deprecated\([^)]*\)/, '')),
      SINCE,
      TODAY,
    );
    expect(second).toEqual([
      expect.objectContaining({ verdict: 'breaking', ruling: expect.objectContaining({ allowed: true }) }),
    ]);
  });
});

describe("a change to a subgraph's access rules", () => {
  const subgraph = (directives: string) =>
    schemaFromSdl(`type Query { client(uci: ID!): String ${directives} }`);

  it('closing a field with an access directive, or changing its scopes, is breaking, and never allowed', async () => {
    for (const [before, after] of [
      ['', '@authenticated'],
      ['@requiresScopes(scopes: [["case:read"]])', '@requiresScopes(scopes: [["case:read", "audit:read"]])'],
      ['', '@inaccessible'],
    ]) {
      const changes = await classifyChanges('ircc-case', subgraph(before), subgraph(after), SINCE, TODAY);
      expect(
        changes.filter((change) => change.verdict === 'breaking' && change.ruling?.allowed === false),
      ).not.toEqual([]);
    }
  });

  it('a smaller largest page is breaking; a larger one is not', async () => {
    const withMax = (max: number) =>
      schemaFromSdl(`type Query { clients(first: Int): [String] @pageSize(default: 20, max: ${max}) }`);
    const lower = await classifyChanges('ircc-case', withMax(500), withMax(100), SINCE, TODAY);
    expect(lower.filter((change) => change.verdict === 'breaking')).not.toEqual([]);
    const higher = await classifyChanges('ircc-case', withMax(500), withMax(1000), SINCE, TODAY);
    expect(higher.filter((change) => change.verdict === 'breaking')).toEqual([]);
  });
});

describe('the registered documents', () => {
  const api = readFileSync(path.join(__dirname, '..', '..', 'schema', 'api.graphql'), 'utf8');
  const travelHistory = registeredDocuments().filter((document) => document.path.includes('partners'));

  it("fail the check when a field a partner's document uses is removed", async () => {
    // The partner's TravelHistory asks for the port's name.
    const withoutPortName = api.replace('  code: String!\n  name: String!\n', '  code: String!\n');
    expect(withoutPortName).not.toEqual(api);
    expect(documentErrors(schemaFromSdl(withoutPortName), travelHistory)).toEqual([
      {
        path: 'documents/partners/partner-system/TravelHistory.graphql',
        message: expect.stringMatching(/name/),
      },
    ]);
    const changes = await classifyChanges(
      'api',
      schemaFromSdl(api),
      schemaFromSdl(withoutPortName),
      SINCE,
      TODAY,
    );
    expect(changes).toEqual([expect.objectContaining({ verdict: 'breaking', path: 'Port.name' })]);
  });

  it('all validate against the checked-in schema, which passes its check against the last release', async () => {
    expect(documentErrors(schemaFromSdl(api), registeredDocuments())).toEqual([]);
    const { failures } = await checkAgainstRelease(new Date().toISOString().slice(0, 10));
    expect(failures).toEqual([]);
  });
});
