import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLSchema,
  isCompositeType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
} from 'graphql';
import { Caller } from '../../platform/caller';
import { AccessPolicy, Need } from '../auth/access-policy';
import { WorkCounter } from './measure';

/** A field the caller's scopes do not open, at the response path it would have had. */
export interface RemovedField {
  path: string[];
  typeName: string;
  fieldName: string;
  /** What the caller lacks: a signed-in caller, or scopes. */
  needs: Need[];
  /** The client the removed field names by its `uci` argument, if any: an attempt at that file, for the audit. */
  namedClient?: { literal: string } | { variable: string };
}

export interface AuthorizedOperation {
  /** The operation to run: the caller's, less what it may not read; fragments stay fragments. */
  document: DocumentNode;
  /** Every removed field, at each response path (at most MAX_REPORTED_REMOVALS of them). */
  removed: RemovedField[];
  /** The fields the operation delivers, as dotted field names ("client.applications.status.status"): what the audit records as read. */
  delivered: string[];
  /** The fields asked for and removed, as dotted field names: what the audit records as refused. */
  refused: string[];
  /** `__schema` or `__type` appears somewhere (at the root, in a fragment, under an alias). */
  introspection: boolean;
  /** Every field the operation selects on the root type is a meta field (`__schema`, `__type`, `__typename`). */
  onlyMetaFields: boolean;
}

/** More removals than this are summarised by the ones reported: the document was within the caps, but a caller needs no more. */
export const MAX_REPORTED_REMOVALS = 100;

/** What one definition (the operation or one fragment) yields, relative to where it is spread. */
interface DefinitionResult {
  selectionSet: SelectionSetNode;
  removed: RemovedField[];
  delivered: Set<string>;
  refused: Set<string>;
  rootFields: Set<string>;
  spreads: Set<string>;
  introspection: boolean;
}

/**
 * Removes from an operation every field the caller may not read, as Apollo Router's
 * authorization directives do, so the rest still runs. Each definition is filtered once: a field
 * inside a named fragment is judged on the fragment's own type condition, which is the same at
 * every spread, so the fragment is rewritten once and stays a fragment. Response paths and audit
 * paths of a fragment are computed once and prefixed at each spread. A selection left empty keeps
 * `__typename` so it stays valid.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  policy: AccessPolicy,
  caller: Caller,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  counter: WorkCounter = { visits: 0 },
): AuthorizedOperation {
  const results = new Map<string, DefinitionResult>();

  const filterDefinition = (selectionSet: SelectionSetNode, type: GraphQLCompositeType): DefinitionResult => {
    const result = emptyResult(selectionSet);
    const reported = new Set<string>();
    const report = (removal: RemovedField) => {
      const key = removal.path.join('.');
      if (reported.has(key) || result.removed.length >= MAX_REPORTED_REMOVALS) return;
      reported.add(key);
      result.removed.push(removal);
    };
    const merge = (inner: DefinitionResult, keyPath: string[], namePath: string) => {
      for (const removal of inner.removed) report({ ...removal, path: [...keyPath, ...removal.path] });
      for (const path of inner.delivered) result.delivered.add(join(namePath, path));
      for (const path of inner.refused) result.refused.add(join(namePath, path));
      result.introspection ||= inner.introspection;
    };
    const filter = (
      set: SelectionSetNode,
      parent: GraphQLCompositeType,
      keyPath: string[],
      namePath: string,
      top: boolean,
    ): SelectionSetNode => {
      const kept: SelectionNode[] = [];
      for (const selection of set.selections) {
        counter.visits += 1;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const name = selection.name.value;
          const inner = fragmentResult(name);
          merge(inner, keyPath, namePath);
          if (top) inner.rootFields.forEach((field) => result.rootFields.add(field));
          result.spreads.add(name);
          kept.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const typeName = selection.typeCondition?.name.value;
          const type = typeName ? schema.getType(typeName) : parent;
          if (type && isCompositeType(type))
            kept.push({
              ...selection,
              selectionSet: filter(selection.selectionSet, type, keyPath, namePath, top),
            });
        } else {
          const field = filterField(selection, parent, keyPath, namePath);
          if (top) result.rootFields.add(selection.name.value);
          if (field) kept.push(field);
        }
      }
      return { ...set, selections: kept.length ? kept : [TYPENAME] };
    };
    const filterField = (
      field: FieldNode,
      parent: GraphQLCompositeType,
      keyPath: string[],
      namePath: string,
    ): FieldNode | null => {
      const name = field.name.value;
      const key = [...keyPath, field.alias?.value ?? name];
      const path = join(namePath, name);
      if (name === '__schema' || name === '__type') result.introspection = true;
      if (name.startsWith('__')) return field;
      const needs = policy.unmet(caller, schema, parent.name, name);
      if (needs.length) {
        report({ path: key, typeName: parent.name, fieldName: name, needs, namedClient: namedClient(field) });
        result.refused.add(path);
        return null;
      }
      const returned = 'getFields' in parent ? getNamedType(parent.getFields()[name]?.type) : undefined;
      if (!field.selectionSet || !returned || !isCompositeType(returned)) {
        result.delivered.add(path);
        return field;
      }
      return { ...field, selectionSet: filter(field.selectionSet, returned, key, path, false) };
    };
    result.selectionSet = filter(selectionSet, type, [], '', true);
    return result;
  };

  const fragmentResult = (name: string): DefinitionResult => {
    const known = results.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const empty = emptyResult({ kind: Kind.SELECTION_SET, selections: [TYPENAME] });
    // Validation has refused fragment cycles; the placeholder only keeps a cycle from recursing.
    results.set(name, empty);
    const result =
      fragment && type && isCompositeType(type) ? filterDefinition(fragment.selectionSet, type) : empty;
    results.set(name, result);
    return result;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) throw new Error(`the schema has no ${operation.operation} type`);
  const top = filterDefinition(operation.selectionSet, root);

  // Only fragments still spread somewhere are kept: one spread only under a removed field would be unused.
  const used = new Set<string>();
  const visit = (spreads: Set<string>) =>
    spreads.forEach((name) => {
      if (used.has(name)) return;
      used.add(name);
      visit(results.get(name)!.spreads);
    });
  visit(top.spreads);
  const definitions = [
    { ...operation, selectionSet: top.selectionSet },
    ...[...used].map((name) => ({ ...fragments.get(name)!, selectionSet: results.get(name)!.selectionSet })),
  ];
  return {
    document: { kind: Kind.DOCUMENT, definitions },
    removed: top.removed,
    delivered: [...top.delivered].sort(),
    refused: [...top.refused].sort(),
    introspection: top.introspection,
    onlyMetaFields: [...top.rootFields].every((name) => name.startsWith('__')),
  };
}

function emptyResult(selectionSet: SelectionSetNode): DefinitionResult {
  return {
    selectionSet,
    removed: [],
    delivered: new Set(),
    refused: new Set(),
    rootFields: new Set(),
    spreads: new Set(),
    introspection: false,
  };
}

function namedClient(field: FieldNode): RemovedField['namedClient'] {
  const value = field.arguments?.find((argument) => argument.name.value === 'uci')?.value;
  if (value?.kind === Kind.STRING) return { literal: value.value };
  if (value?.kind === Kind.VARIABLE) return { variable: value.name.value };
  return undefined;
}

function join(prefix: string, path: string): string {
  return prefix ? `${prefix}.${path}` : path;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
