import { Kind, parse, valueFromASTUntyped } from 'graphql';

/** A paged field's page size when `first` is omitted, and the largest it may ask for. */
export interface PageLimits {
  default: number;
  max: number;
}

/**
 * The page limits the subgraphs declared with `@pageSize`, read from the supergraph and keyed
 * `Type.field`: the gateway costs a query by the pages the subgraphs will really fetch, and
 * refuses a page size they would refuse before anything runs.
 */
export function pageSizesFromSupergraph(supergraphSdl: string): Map<string, PageLimits> {
  const limits = new Map<string, PageLimits>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
      continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'pageSize');
      if (!directive) continue;
      const argument = (name: string) =>
        Number(valueFromASTUntyped(directive.arguments!.find((a) => a.name.value === name)!.value));
      limits.set(`${definition.name.value}.${field.name.value}`, {
        default: argument('default'),
        max: argument('max'),
      });
    }
  }
  return limits;
}
