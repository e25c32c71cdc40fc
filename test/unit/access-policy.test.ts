import fc from 'fast-check';
import { AccessPolicy, needText } from '../../gateway/auth/access-policy';
import { ScopedSchemas } from '../../gateway/auth/scoped-schema';
import { ANONYMOUS, Caller } from '../../platform/caller';
import { apiSchema, supergraphSdl } from '../../bin/tools/api-schema';

/** The rules the subgraphs declared, as the gateway reads them from the supergraph. */
const schema = apiSchema();
const policy = AccessPolicy.fromSupergraph(supergraphSdl);
/** What a caller lacks for a field, in the words an English error gives. */
const needsOf = (...args: Parameters<AccessPolicy['unmet']>) =>
  policy.unmet(...args).map((need) => needText(need).render('EN'));
const caller = (role: Caller['role'], scopes: string[]): Caller => ({
  role,
  subject: role === 'anonymous' ? null : 's',
  scopes,
  clientId: null,
});

describe('the access policy', () => {
  it("opens a field when its own rule and its type's rule are met", () => {
    expect(needsOf(caller('officer', ['case:read']), schema, 'Client', 'familyName')).toEqual([]);
    expect(needsOf(caller('officer', ['border:travel']), schema, 'Client', 'familyName')).toEqual([
      'scope case:read',
    ]);
    // Authorization requires case:read as a type: reaching it from anywhere needs it.
    expect(
      needsOf(caller('officer', ['atip:read']), schema, 'Client', 'representativeAuthorizations'),
    ).toContain('scope case:read');
  });

  it('needs a signed-in caller for @authenticated, whatever the scopes', () => {
    expect(needsOf(ANONYMOUS, schema, 'Query', 'client')).toEqual(['a signed-in caller']);
    expect(needsOf(caller('partner', []), schema, 'Query', 'client')).toEqual([]);
  });

  it("guards an interface field by every implementation's rule", () => {
    const enforcementOnly = caller('officer', ['border:enforcement']);
    expect(needsOf(enforcementOnly, schema, 'EnforcementAction', 'kind')).toEqual([]);
    expect(needsOf(caller('officer', ['border:travel']), schema, 'Client', 'enforcementActions')).toEqual([
      'scope border:enforcement',
    ]);
  });

  it('keys callers by what decides their access, not by who they are', () => {
    const key = (role: Caller['role'], scopes: string[]) => policy.accessKey(caller(role, scopes));
    expect(key('officer', ['border:travel', 'case:read'])).toBe(
      key('partner', ['case:read', 'border:travel']),
    );
    expect(key('officer', ['case:read'])).not.toBe(key('officer', ['border:travel']));
    expect(policy.accessKey(ANONYMOUS)).not.toBe(key('partner', []));
  });

  it('keys callers only by the scopes a rule names: invented scopes make no key of their own', () => {
    const known = ['case:read', 'case:notes', 'border:travel', 'border:enforcement', 'atip:read'];
    fc.assert(
      fc.property(
        fc.subarray(known),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 50 }),
        (scopes, invented) => {
          fc.pre(invented.every((scope) => !known.includes(scope) && scope !== 'atip:write'));
          const plain = policy.accessKey(caller('partner', scopes));
          expect(policy.accessKey(caller('partner', [...invented, ...scopes, ...scopes]))).toBe(plain);
        },
      ),
    );
  });
});

describe('the scoped schema introspection answers from', () => {
  const scoped = new ScopedSchemas(schema, policy);

  it('holds only the fields a caller may read, and drops types left empty', () => {
    const travel = scoped.for(caller('partner', ['border:travel']));
    const client = travel.getType('Client') as { getFields(): Record<string, unknown> };
    expect(Object.keys(client.getFields())).toEqual(
      expect.arrayContaining(['uci', 'travelHistory', 'daysInCanada']),
    );
    expect(Object.keys(client.getFields())).not.toContain('familyName');
    expect(travel.getType('Decision')).toBeUndefined();
    expect(Object.keys(scoped.for(ANONYMOUS).getQueryType()!.getFields()).sort()).toEqual([
      'atipStatistics',
      'representative',
      'representatives',
      'selfServiceShare',
    ]);
  });

  it('is built once per scope set', () => {
    expect(scoped.for(caller('officer', ['case:read']))).toBe(scoped.for(caller('partner', ['case:read'])));
  });
});
