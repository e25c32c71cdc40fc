import {
  DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, GraphQLCompositeType, GraphQLError, GraphQLSchema, isCompositeType, Kind,
  OperationDefinitionNode, SelectionNode, SelectionSetNode,
} from 'graphql';
import { Caller } from '../../subgraphs/kit/access/caller';
import { AccessPolicy } from './access-policy';

export interface AuthorizedOperation {
  document: DocumentNode;
  /** One FORBIDDEN error per removed field, at the path the field would have had. */
  errors: GraphQLError[];
}

/**
 * Removes from an operation every field the caller may not read, the way Apollo Router's
 * authorization directives do, so the rest of the query still runs. Fragments are inlined first,
 * so aliases, named fragments and inline fragments on interfaces are all judged field by field
 * on the type they select from. A selection left empty keeps `__typename` so it stays valid.
 */
export function authorizeOperation(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, policy: AccessPolicy, caller: Caller,
): AuthorizedOperation {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const errors = new Map<string, GraphQLError>();
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { document, errors: [] };

  const filter = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: string[]): SelectionSetNode => {
    const kept: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = filterField(selection, parent, path);
        if (field) kept.push(field);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = typeName ? schema.getType(typeName) : parent;
      if (!type || !isCompositeType(type)) continue;
      kept.push({
        kind: Kind.INLINE_FRAGMENT,
        typeCondition: fragment.typeCondition,
        directives: selection.directives,
        selectionSet: filter(fragment.selectionSet, type, path),
      });
    }
    return { ...selectionSet, selections: kept.length ? kept : [TYPENAME] };
  };

  const filterField = (field: FieldNode, parent: GraphQLCompositeType, path: string[]): FieldNode | null => {
    const name = field.name.value;
    if (name.startsWith('__')) return field;
    const responsePath = [...path, field.alias?.value ?? name];
    const unmet = policy.unmet(caller, schema, parent.name, name);
    if (unmet.length) {
      const key = responsePath.join('.');
      if (!errors.has(key)) {
        errors.set(key, new GraphQLError(`Not authorized to read ${parent.name}.${name}: it needs ${unmet.join(' and ')}.`, {
          path: responsePath,
          extensions: { code: 'FORBIDDEN' },
        }));
      }
      return null;
    }
    if (!field.selectionSet || !('getFields' in parent)) return field;
    const returned = getNamedType(parent.getFields()[name]?.type);
    return returned && isCompositeType(returned) ? { ...field, selectionSet: filter(field.selectionSet, returned, responsePath) } : field;
  };

  const authorized: OperationDefinitionNode = { ...operation, selectionSet: filter(operation.selectionSet, rootType, []) };
  return { document: { kind: Kind.DOCUMENT, definitions: [authorized] }, errors: [...errors.values()] };
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
