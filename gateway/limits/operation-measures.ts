import {
  FragmentDefinitionNode, getNamedType, GraphQLCompositeType, GraphQLSchema, isCompositeType, isListType, isNonNullType, GraphQLOutputType,
  Kind, OperationDefinitionNode, SelectionSetNode, valueFromASTUntyped,
} from 'graphql';

export interface OperationMeasures {
  depth: number;
  aliases: number;
  /** Fields the operation may resolve: each field counts once per item of every list above it. */
  cost: number;
}

/** A list whose size the operation does not set (no `first`) is assumed to hold this many items. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * Measures an operation before it is planned. Cost multiplies down the tree: a field under
 * `clients(first: 50)` costs 50; a list without `first` (applications, edges of a connection
 * whose size is already counted) counts `ASSUMED_LIST_SIZE`, or 1 directly under a `first`.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): OperationMeasures {
  let aliases = 0;
  let maxDepth = 0;
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number, multiplier: number, sized: boolean, seen: Set<string>): number => {
    maxDepth = Math.max(maxDepth, depth);
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        const name = selection.name.value;
        cost += multiplier;
        const field = 'getFields' in parent ? parent.getFields()[name] : undefined;
        if (!field || !selection.selectionSet) continue;
        const firstArgument = selection.arguments?.find((a) => a.name.value === 'first');
        const first = firstArgument ? Number(valueFromASTUntyped(firstArgument.value, variables) ?? ASSUMED_LIST_SIZE) : null;
        const factor = first ?? (isList(field.type) ? (sized ? 1 : ASSUMED_LIST_SIZE) : 1);
        const child = getNamedType(field.type);
        if (isCompositeType(child)) cost += walk(selection.selectionSet, child, depth + 1, multiplier * factor, first !== null, seen);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        // A fragment that spreads itself is rejected by validation; `seen` only guards the walk.
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value))) continue;
        const type = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        const inner = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen;
        if (type && isCompositeType(type)) cost += walk(fragment.selectionSet, type, depth, multiplier, sized, inner);
      }
    }
    return cost;
  };
  const root = schema.getRootType(operation.operation);
  const cost = root ? walk(operation.selectionSet, root, 1, 1, false, new Set()) : 0;
  return { depth: maxDepth, aliases, cost };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
