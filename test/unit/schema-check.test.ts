import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyChanges, documentErrors, schemaFromSdl } from '../../bin/tools/schema-changes';
import { checkAgainstRelease, registeredDocuments } from '../../bin/tools/schema-versions';

/**
 * The schema check front-end teams and partners rely on: each kind of change gets its verdict, a
 * change that breaks a registered document fails, and a removal ships only after a released
 * deprecation announced it with a date that has come.
 */
const TODAY = '2027-04-01';

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
  return classifyChanges('api', buildSchema(RELEASED), buildSchema(current), TODAY);
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
    expect(undated.ruling).toEqual({ allowed: false, why: expect.stringMatching(/names no removal date/) });
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
      TODAY,
    );
    expect(second).toEqual([
      expect.objectContaining({ verdict: 'breaking', ruling: expect.objectContaining({ allowed: true }) }),
    ]);
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
    const changes = await classifyChanges('api', schemaFromSdl(api), schemaFromSdl(withoutPortName), TODAY);
    expect(changes).toEqual([expect.objectContaining({ verdict: 'breaking', path: 'Port.name' })]);
  });

  it('all validate against the checked-in schema, which passes its check against the last release', async () => {
    expect(documentErrors(schemaFromSdl(api), registeredDocuments())).toEqual([]);
    const { failures } = await checkAgainstRelease(new Date().toISOString().slice(0, 10));
    expect(failures).toEqual([]);
  });
});
