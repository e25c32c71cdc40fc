import { createHash } from 'node:crypto';
import { getIntrospectionQuery, Kind, parse, print, validate } from 'graphql';
import { OperationAnalysis, OperationAnalyzer } from '../../gateway/analysis/operation-analyzer';
import { OperationLimits } from '../../platform/operation-limits';
import { ANONYMOUS, Caller } from '../../platform/caller';
import { apiSchema, supergraphSdl } from '../../bin/tools/api-schema';

const schema = apiSchema();
const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 3000, maxCost: 50000 };
/** Caps no document reaches, so the whole document is analysed and the work can be counted. */
const NO_CAPS: OperationLimits = { maxDepth: 1e9, maxAliases: 1e15, maxTokens: 1e9, maxCost: 1e300 };
const officer: Caller = {
  role: 'officer',
  subject: 'officer-1',
  scopes: ['case:read', 'case:notes', 'border:travel', 'border:enforcement', 'atip:read'],
  clientId: null,
};
const travelPartner: Caller = {
  role: 'partner',
  subject: 'partner-1',
  scopes: ['border:travel'],
  clientId: 'partner-app',
};

function analyze(
  query: string,
  options: {
    caller?: Caller;
    variables?: Record<string, unknown>;
    limits?: OperationLimits;
    analyzer?: OperationAnalyzer;
  } = {},
) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const analyzer =
    options.analyzer ?? new OperationAnalyzer(schema, supergraphSdl, options.limits ?? DEFAULT_LIMITS);
  const counter = { visits: 0 };
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!;
  const analysis: OperationAnalysis = analyzer.analyze(
    {
      queryHash: createHash('sha256').update(query).digest('hex'),
      document,
      operation,
      variables: options.variables,
      caller: options.caller ?? officer,
    },
    counter,
  );
  return { analysis, visits: counter.visits };
}

const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error('expected the analysis to refuse the operation');
};

/** Fragments F0…Fn on Client, each spreading the next one twice: 2^n fields once spread out. */
function fanOutChain(n: number, spread: (next: string) => string): string {
  const fragments = Array.from(
    { length: n },
    (_, i) => `fragment F${i} on Client { ${spread(`F${i + 1}`)} }`,
  );
  return `{ client(uci: "1234-5678") { ...F0 } } ${fragments.join(' ')} fragment F${n} on Client { uci givenNames }`;
}

describe('operation analysis is linear in the document', () => {
  const shapes: Record<string, (next: string) => string> = {
    'spread twice in one selection': (next) => `...${next} ...${next}`,
    'spread in two inline fragments': (next) => `... on Client { ...${next} } ... on Client { ...${next} }`,
  };
  it.each(Object.keys(shapes))(
    'visits each fragment once for fan-out chains of 10, 20 and 40 fragments (%s)',
    (shape) => {
      const visits = [10, 20, 40].map(
        (n) => analyze(fanOutChain(n, shapes[shape]), { limits: NO_CAPS }).visits,
      );
      // Twice the fragments, twice the work (plus a constant): a walk that spread fragments out would do 2^10 times more.
      expect(visits[2] - visits[1]).toBe(2 * (visits[1] - visits[0]));
      expect(visits[2]).toBeLessThan(40 * 20);
    },
  );

  it('counts the cost a fan-out would really have, and stops at the cap without walking the rest', () => {
    const { analysis } = analyze(
      fanOutChain(40, (next) => `...${next} ...${next}`),
      { limits: NO_CAPS },
    );
    expect(analysis.measures.cost).toBe(1 + 2 ** 40 * 2);
    const counter = { visits: 0 };
    const analyzer = new OperationAnalyzer(schema, supergraphSdl, DEFAULT_LIMITS);
    const document = parse(fanOutChain(40, (next) => `...${next} ...${next}`));
    const refused = errorOf(() =>
      analyzer.analyze(
        {
          queryHash: 'x',
          document,
          operation: document.definitions[0] as never,
          variables: {},
          caller: officer,
        },
        counter,
      ),
    );
    expect(refused.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(counter.visits).toBeLessThan(100);
  });

  it('costs a repeated operation nothing: the analysis is cached per document, operation and scope set', () => {
    const analyzer = new OperationAnalyzer(schema, supergraphSdl, DEFAULT_LIMITS);
    const query = 'query Q($n: Int) { representatives(first: $n) { edges { node { id } } } }';
    expect(analyze(query, { analyzer, variables: { n: 5 } }).visits).toBeGreaterThan(0);
    expect(analyze(query, { analyzer, variables: { n: 5 } }).visits).toBe(0);
    // Another page size changes only the cost, which is measured again; another scope set is analysed again.
    expect(analyze(query, { analyzer, variables: { n: 6 } }).analysis.measures.cost).toBeGreaterThan(
      analyze(query, { analyzer, variables: { n: 5 } }).analysis.measures.cost,
    );
    expect(analyze(query, { analyzer, variables: { n: 5 }, caller: travelPartner }).visits).toBeGreaterThan(
      0,
    );
  });
});

describe('cost is what the subgraphs will really fetch', () => {
  const caseload = '{ representative(id: "REP-000001") { clients(first: 50) { edges { node { uci } } } } }';

  it('multiplies by the page size from a literal, a variable, a variable default, or the field default', () => {
    const cost = (query: string, variables?: Record<string, unknown>) =>
      analyze(query, { variables }).analysis.measures.cost;
    const fifty = cost(caseload);
    expect(
      cost('query($n: Int) { representative(id: "R") { clients(first: $n) { edges { node { uci } } } } }', {
        n: 50,
      }),
    ).toBe(fifty);
    expect(
      cost(
        'query($n: Int = 50) { representative(id: "R") { clients(first: $n) { edges { node { uci } } } } }',
      ),
    ).toBe(fifty);
    // clients declares @pageSize(default: 100): omitting first costs 100 clients, not an assumed 10.
    expect(cost('{ representative(id: "R") { clients { edges { node { uci } } } } }')).toBeGreaterThan(
      fifty * 1.9,
    );
  });

  it.each([0, -5, 501])('refuses a page size of %i before anything runs, naming the argument', (n) => {
    const refused = errorOf(() =>
      analyze('query($n: Int) { representatives(first: $n) { edges { cursor } } }', { variables: { n } }),
    );
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it("lets no branch lower another branch's cost", () => {
    const refused = errorOf(() =>
      analyze(
        '{ a: representatives(first: -1000) { edges { cursor } } b: representatives(first: 500) { edges { node { clients(first: 500) { edges { cursor } } } } } }',
      ),
    );
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    const costly = errorOf(() =>
      analyze(
        '{ representatives(first: 500) { edges { node { ... on Representative { clients(first: 500) { edges { cursor } } } } } } }',
      ),
    );
    expect(costly.extensions.code).toBe('QUERY_TOO_COSTLY');
  });
});

describe('scope removal and audit paths, built without spreading fragments out', () => {
  const query = `query { client(uci: "1234-5678") { ...Travel mine: travelHistory(first: 1) { edges { node { direction } } } } other: client(uci: "12-3456-7890") { ...Travel } }
    fragment Travel on Client { uci familyName ...Notes }
    fragment Notes on Client { applications { decision { officerNotes } } }`;

  it('rewrites each fragment once, keeps it a fragment, and reports each removal at every path it would have had', () => {
    const { analysis } = analyze(query, { caller: travelPartner });
    expect(analysis.removed.map((r) => r.path.join('.')).sort()).toEqual([
      'client.applications',
      'client.familyName',
      'other.applications',
      'other.familyName',
    ]);
    expect(analysis.document.definitions.map((d) => d.kind)).toEqual([
      Kind.OPERATION_DEFINITION,
      Kind.FRAGMENT_DEFINITION,
      Kind.FRAGMENT_DEFINITION,
    ]);
    expect(print(analysis.document)).toContain('fragment Notes on Client {\n  __typename\n}');
    expect(validate(schema, analysis.document)).toEqual([]);
  });

  it('names delivered and refused fields by field name, through named fragments', () => {
    const { analysis } = analyze(query, { caller: travelPartner });
    expect(analysis.delivered).toEqual(['client.travelHistory.edges.node.direction', 'client.uci']);
    expect(analysis.refused).toEqual(['client.applications', 'client.familyName']);
    expect(analyze(query).analysis.delivered).toContain('client.applications.decision.officerNotes');
  });

  it('drops a fragment spread only under a removed field', () => {
    const { analysis } = analyze(
      '{ client(uci: "1234-5678") { uci applications { ...A } } } fragment A on Application { applicationNumber }',
      { caller: travelPartner },
    );
    expect(analysis.document.definitions).toHaveLength(1);
    expect(validate(schema, analysis.document)).toEqual([]);
  });
});

describe('introspection is found anywhere', () => {
  it.each([
    ['at the root', '{ __schema { types { name } } }'],
    ['aliased', '{ s: __schema { queryType { name } } }'],
    ['in a named fragment', '{ ...I } fragment I on Query { __type(name: "Client") { fields { name } } }'],
    ['in a nested inline fragment', '{ ... on Query { ... { __schema { types { name } } } } }'],
  ])('%s', (_, query) => {
    const { analysis } = analyze(query, { caller: ANONYMOUS });
    expect(analysis.introspection).toBe(true);
    expect(analysis.onlyMetaFields).toBe(true);
  });

  it('leaves the introspection query Sandbox and code generators send within the caps', () => {
    const { analysis } = analyze(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {
      caller: ANONYMOUS,
    });
    expect(analysis.measures.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
    expect(analysis.measures.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
  });

  it("leaves introspection whose lists nest deeper than the standard query's to validation, which refuses it however it is spelled", () => {
    for (const query of [
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      '{ __type(name: "Client") { fields { type { fields { type { fields { type { fields { name } } } } } } } } }',
      '{ __schema { types { ...T } } } fragment T on __Type { interfaces { possibleTypes { fields { name } } } }',
    ]) {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([
        'Maximum introspection depth exceeded',
      ]);
    }
  });

  it('allows introspection once per operation, however it is spelled', () => {
    const twice = [
      '{ a: __schema { queryType { name } } b: __schema { queryType { name } } }',
      '{ ...S ...T } fragment S on Query { __schema { queryType { name } } } fragment T on Query { t: __type(name: "Client") { name } }',
    ];
    for (const query of twice)
      expect(errorOf(() => analyze(query, { caller: ANONYMOUS })).extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('and tells when it is mixed with data fields', () => {
    const { analysis } = analyze(
      '{ ...I representatives(first: 1) { edges { cursor } } } fragment I on Query { __schema { types { name } } }',
      { caller: ANONYMOUS },
    );
    expect(analysis.introspection).toBe(true);
    expect(analysis.onlyMetaFields).toBe(false);
  });
});
