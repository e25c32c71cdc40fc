import { DocumentNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/**
 * The fields an operation asks for, as dotted paths of field names (aliases resolved,
 * fragments flattened), e.g. "client.applications.decision.officerNotes": what an audit record
 * says was read.
 */
export function fieldPaths(document: DocumentNode): string[] {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const paths = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, prefix: string) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') continue;
        const path = prefix ? `${prefix}.${selection.name.value}` : selection.name.value;
        if (selection.selectionSet) walk(selection.selectionSet, path);
        else paths.add(path);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix);
      }
    }
  };
  if (operation) walk(operation.selectionSet, '');
  return [...paths];
}
