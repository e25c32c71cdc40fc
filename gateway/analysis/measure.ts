import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isIntrospectionType,
  isListType,
  isNonNullType,
  GraphQLOutputType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
} from 'graphql';
import { requestError } from '../../platform/errors';
import { OperationLimits } from '../../platform/operation-limits';
import { PageLimits } from './page-sizes';
import { gatewayMessages } from '../messages/catalogue';

/** What an operation asks of One Window, counted over the operation as if every fragment were spread out. */
export interface Measures {
  depth: number;
  aliases: number;
  /** Fields the subgraphs may resolve: each field counts once per item of every list above it. */
  cost: number;
  /** Variables whose values set a page size: the cost depends on them and on nothing else the request sends. */
  pageVariables: string[];
}

/** A list whose size nothing in the operation sets (applications, enforcement actions) is assumed to hold this many items. */
export const ASSUMED_LIST_SIZE = 10;

/** Counts the selections the measuring looked at, so a test can show the work is linear in the document. */
export interface WorkCounter {
  visits: number;
}

interface Summary {
  depth: number;
  aliases: number;
  cost: number;
  /** `__schema` and `__type` fields, counted through every spread. */
  introspection: number;
}

const NOTHING: Summary = { depth: 0, aliases: 0, cost: 0, introspection: 0 };

/**
 * Introspection answers from the schema in memory, a whole schema per `__schema`: asked under
 * thirty aliases it turns a one-kilobyte request into megabytes. Once per operation is what
 * Sandbox and code generators ask.
 */
export const MAX_INTROSPECTION_FIELDS = 1;

/**
 * Measures depth, aliases and cost in one walk of each definition: a named fragment is measured
 * once and its summary reused at every spread (cost and aliases multiply, depth adds), so a
 * document whose fragments each spread the next one twice costs time linear in its length. The
 * walk stops at the first cap passed: every count only grows as it goes up the tree, so a
 * fragment over a cap already puts the operation over it.
 *
 * Page sizes are what the subgraphs will fetch: the `first` argument's literal, or its variable's
 * value, or that variable's default, or the field's own default page size; one outside 1..max is
 * refused here, before anything runs. No branch can lower another's cost: every inline fragment
 * and every `@skip`/`@include` branch counts.
 */
export function measureOperation(
  schema: GraphQLSchema,
  pageSizes: ReadonlyMap<string, PageLimits>,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  limits: Omit<OperationLimits, 'maxTokens'>,
  counter: WorkCounter = { visits: 0 },
): Measures {
  const fragmentSummaries = new Map<string, Summary>();
  const pageVariables = new Set<string>();

  const check = (summary: Summary): Summary => {
    if (summary.depth > limits.maxDepth)
      throw requestError(
        'QUERY_TOO_DEEP',
        gatewayMessages.text('limits.depth', { maxDepth: limits.maxDepth }),
      );
    if (summary.introspection > MAX_INTROSPECTION_FIELDS) {
      throw requestError('QUERY_TOO_COSTLY', gatewayMessages.text('introspection.once'));
    }
    if (summary.aliases > limits.maxAliases)
      throw requestError(
        'TOO_MANY_ALIASES',
        gatewayMessages.text('limits.aliases', { maxAliases: limits.maxAliases }),
      );
    if (summary.cost > limits.maxCost) {
      throw requestError(
        'QUERY_TOO_COSTLY',
        gatewayMessages.text('limits.cost', { maxCost: limits.maxCost }),
      );
    }
    return summary;
  };

  const pageSize = (field: FieldNode, owner: string, limitsOfField: PageLimits): number => {
    const argument = field.arguments?.find((a) => a.name.value === 'first');
    let size: unknown = limitsOfField.default;
    if (argument?.value.kind === Kind.INT) size = Number(argument.value.value);
    else if (argument?.value.kind === Kind.VARIABLE) {
      pageVariables.add(argument.value.name.value);
      size = variables[argument.value.name.value] ?? limitsOfField.default;
    }
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > limitsOfField.max) {
      throw requestError(
        'BAD_USER_INPUT',
        gatewayMessages.text('limits.pageSize', {
          field: `${owner}.${field.name.value}`,
          max: limitsOfField.max,
          size: String(size),
        }),
        {
          field: 'first',
        },
      );
    }
    return size;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): Summary => {
    const total: Summary = { ...NOTHING };
    // Introspection types nest `ofType` deeper than any data does (Sandbox's own query would not
    // pass the depth cap), one object a level, and answer from the schema in memory: they count
    // toward cost but not depth, and lists in them count once. How deep their lists may nest is
    // validation's rule (graphql-js's MaxIntrospectionDepthRule), which runs before this.
    const introspection = isIntrospectionType(parent);
    const add = (inner: Summary, factor: number, deeper: number) => {
      total.cost += inner.cost * factor;
      total.aliases += inner.aliases;
      total.introspection += inner.introspection;
      if (!introspection) total.depth = Math.max(total.depth, inner.depth + deeper);
      check(total);
    };
    for (const selection of selectionSet.selections) {
      counter.visits += 1;
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(schema, parent, selection.name.value);
        const meta = field === SchemaMetaFieldDef || field === TypeMetaFieldDef ? 1 : 0;
        add({ depth: 1, aliases: selection.alias ? 1 : 0, cost: 1, introspection: meta }, 1, 0);
        const child = field && getNamedType(field.type);
        if (!selection.selectionSet || !field || !child || !isCompositeType(child)) continue;
        const paged = pageSizes.get(`${parent.name}.${selection.name.value}`);
        const factor = introspection
          ? 1
          : paged
            ? pageSize(selection, parent.name, paged)
            : listFactor(parent, selection.name.value, field.type);
        add(walk(selection.selectionSet, child), factor, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) add(walk(selection.selectionSet, type), 1, 0);
      } else {
        add(fragmentSummary(selection.name.value), 1, 0);
      }
    }
    return total;
  };

  const fragmentSummary = (name: string): Summary => {
    const known = fragmentSummaries.get(name);
    if (known) return known;
    // Validation has refused fragment cycles; the placeholder only keeps a cycle from recursing.
    fragmentSummaries.set(name, NOTHING);
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const summary = fragment && type && isCompositeType(type) ? walk(fragment.selectionSet, type) : NOTHING;
    fragmentSummaries.set(name, summary);
    return summary;
  };

  const root = schema.getRootType(operation.operation);
  const { depth, aliases, cost } = root ? walk(operation.selectionSet, root) : NOTHING;
  return { depth, aliases, cost, pageVariables: [...pageVariables].sort() };
}

/** A field's definition, introspection's own included: a deeply nested `__type { ofType { … } }` is capped like any other. */
function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

/** The items a list field is assumed to hold; a connection's `edges` are the page its parent already counted. */
function listFactor(parent: GraphQLCompositeType, fieldName: string, type: GraphQLOutputType): number {
  if (!isListType(isNonNullType(type) ? type.ofType : type)) return 1;
  return parent.name.endsWith('Connection') && fieldName === 'edges' ? 1 : ASSUMED_LIST_SIZE;
}
