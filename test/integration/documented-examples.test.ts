import { readFileSync } from 'node:fs';
import { Role } from '../../platform/caller';
import { documentationPages, examplesOf, unannotatedBlocks, valueAt } from '../fixtures/documented-examples';
import { postQuery, useFederation } from '../fixtures/federation';

/**
 * Every GraphQL example in the README and docs/ runs here, as written, against the seeded
 * federation (the same seed `npm start` makes), as the role its comment names, and must show
 * what the page says: a renamed field or a changed answer fails the build instead of misleading
 * the next reader.
 *
 * The comment before a block: `<!-- example as="role subject" -->`, with, where needed,
 * `scopes="…"` (else the role's scopes from the README's token commands), `language="fr"`,
 * `variables='{…}'` (a string "$name" takes a value saved by an earlier example),
 * `save="name=path"`, `errors="CODE …"` (else none), and `expect="path=value; path~regex; path"`.
 */
const federation = useFederation();

const ROLE_SCOPES: Record<string, string> = {
  applicant: 'case:read case:notes border:travel border:enforcement atip:read',
  representative: 'case:read case:notes border:travel atip:read',
  officer: 'case:read case:notes border:travel border:enforcement atip:read',
  partner: 'border:travel',
};

const examples = documentationPages()
  .flatMap(examplesOf)
  .filter((example) => example.language === 'graphql');
const saved = new Map<string, unknown>();

function withSaved(variables: unknown): unknown {
  if (typeof variables === 'string' && variables.startsWith('$')) return saved.get(variables.slice(1));
  if (Array.isArray(variables)) return variables.map(withSaved);
  if (variables !== null && typeof variables === 'object')
    return Object.fromEntries(Object.entries(variables).map(([key, value]) => [key, withSaved(value)]));
  return variables;
}

/** What a page claims of an answer, each checked: `path=value`, `path~regex`, or `path` (present). */
function claimsFailed(data: unknown, claims: string): string[] {
  return claims
    .split(';')
    .map((claim) => claim.trim())
    .filter((claim) => claim !== '')
    .flatMap((claim) => {
      const [, dotted, operator, expected] = /^([^=~]+)(?:([=~])(.*))?$/.exec(claim)!;
      const actual = valueAt(data, dotted.trim());
      const shown = typeof actual === 'string' ? actual : JSON.stringify(actual);
      const holds =
        operator === '='
          ? shown === expected.trim()
          : operator === '~'
            ? new RegExp(expected.trim()).test(shown ?? '')
            : actual !== undefined && actual !== null;
      return holds ? [] : [`${claim} (it is ${shown})`];
    });
}

describe('the documentation’s examples', () => {
  it('are all run here: every GraphQL block of the README and docs/ says how', () => {
    expect(documentationPages().flatMap((page) => unannotatedBlocks(page, 'graphql'))).toEqual([]);
    // And each of them parses into an example this suite runs.
    const blocks = documentationPages().flatMap((page) => [
      ...readFileSync(page, 'utf8').matchAll(/^```graphql$/gm),
    ]);
    expect(examples).toHaveLength(blocks.length);
  });

  it.each(examples.map((example) => [example.where, example] as const))(
    '%s runs as written and shows what the page says',
    async (where, example) => {
      const [role, subject] = (example.settings.as ?? 'officer officer-1').split(' ');
      const token =
        role === 'anonymous'
          ? undefined
          : await federation.identity.token({
              role: role as Role,
              subject,
              scopes: (example.settings.scopes ?? ROLE_SCOPES[role] ?? '').split(' ').filter(Boolean),
            });
      const variables = example.settings.variables
        ? (withSaved(JSON.parse(example.settings.variables)) as Record<string, unknown>)
        : undefined;
      const headers: Record<string, string> = example.settings.language
        ? { 'accept-language': example.settings.language }
        : {};
      const { body } = await postQuery(federation.gatewayUrl, example.code, variables, token, headers);
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      expect({ where, codes, errors: codes.length ? body.errors : [] }).toEqual({
        where,
        codes: example.settings.errors?.split(' ') ?? [],
        errors: codes.length ? body.errors : [],
      });
      expect({ where, failed: claimsFailed(body.data, example.settings.expect ?? '') }).toEqual({
        where,
        failed: [],
      });
      for (const [name, dotted] of (example.settings.save ?? '')
        .split(';')
        .filter(Boolean)
        .map((pair) => pair.split('=').map((part) => part.trim())))
        saved.set(name, valueAt(body.data, dotted));
    },
  );
});
