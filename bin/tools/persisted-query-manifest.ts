import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import { documentHash, ManifestOperation, PersistedQueryManifest } from '../../platform/trusted-documents';

export interface DocumentFile {
  path: string;
  text: string;
}

/**
 * The manifest of one client's documents: each named operation, printed with the fragments it
 * uses, so its text (and hash) does not depend on formatting or on the file it came from. Every
 * document must validate against the API schema; names must be unique.
 */
export function persistedQueryManifest(
  files: readonly DocumentFile[],
  schema: GraphQLSchema,
): PersistedQueryManifest {
  const documents = files.map((file) => ({ file, document: parseIn(file) }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of documents)
    for (const definition of document.definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operations: ManifestOperation[] = [];
  for (const { file, document } of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      if (!definition.name) throw new Error(`${file.path}: every operation needs a name`);
      const standalone = withTypenames({
        kind: Kind.DOCUMENT,
        definitions: [definition, ...fragmentsUsedBy(definition, fragments)],
      });
      const errors = validate(schema, standalone);
      if (errors.length) throw new Error(`${file.path}: ${errors.map((error) => error.message).join('; ')}`);
      const body = print(standalone);
      operations.push({
        id: documentHash(body),
        name: definition.name.value,
        type: definition.operation,
        body,
      });
    }
  }
  const names = operations.map((operation) => operation.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new Error(`two operations are named ${repeated}`);
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/**
 * `__typename` in every selection but an operation's own, as Apollo Client adds it before sending
 * (and hashing) a document, so what a partner's client sends is what its manifest registers.
 */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(selectionSet, _key, parent) {
      if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return undefined;
      const named = selectionSet.selections.some(
        (selection) => selection.kind === Kind.FIELD && selection.name.value === '__typename',
      );
      if (named) return undefined;
      return {
        ...selectionSet,
        selections: [
          ...selectionSet.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
}

function parseIn(file: DocumentFile): DocumentNode {
  try {
    return parse(file.text);
  } catch (error) {
    throw new Error(`${file.path}: ${(error as Error).message}`, { cause: error });
  }
}

/** The fragments an operation spreads, directly or through other fragments, in name order. */
function fragmentsUsedBy(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment || used.has(name)) return;
        used.set(name, fragment);
        walk(fragment);
      },
    });
  walk(operation);
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}
