import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { buildFederatedSchema } from '../../subgraphs/kit/federated-schema';
import { loadDefinition } from '../../subgraphs/kit/load-definition';
import { SubgraphEntry } from '../../platform/supergraph-config';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describedCoordinates, SchemaDescriptions } from '../../platform/language/schema-descriptions';
import { PROJECT_ROOT } from '../../platform/supergraph-config';

/** The SDL a subgraph serves, printed from its type-graphql classes. */
export async function printSubgraphSdl(name: string): Promise<string> {
  return printSubgraphSchema(await buildFederatedSchema(loadDefinition(name)));
}

/**
 * The supergraph's French descriptions: for every coordinate the supergraph describes, the French
 * its subgraphs keep in `messages/schema.fr.json`.
 */
export function composeFrenchDescriptions(
  names: readonly string[],
  supergraphSdl: string,
): SchemaDescriptions {
  const french: Record<string, string> = Object.assign(
    {},
    ...names.map((name) => subgraphFrenchDescriptions(name)),
  ) as Record<string, string>;
  const described = [...describedCoordinates(parse(supergraphSdl)).keys()].filter(
    (coordinate) => french[coordinate],
  );
  return Object.fromEntries(described.sort().map((coordinate) => [coordinate, french[coordinate]]));
}

/** A subgraph's French schema descriptions, by coordinate. */
export function subgraphFrenchDescriptions(name: string): SchemaDescriptions {
  return JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'subgraphs', name, 'messages', 'schema.fr.json'), 'utf8'),
  ) as SchemaDescriptions;
}

/** A composition hint, named from composeServices' public result type. */
type CompositionHint = NonNullable<ReturnType<typeof composeServices>['hints']>[number];

export interface Composition {
  supergraphSdl: string;
  hints: CompositionHint[];
}

/** Composes the supergraph with Apollo's composition library, as `rover supergraph compose` does. */
export function composeSupergraph(subgraphs: readonly (SubgraphEntry & { sdl: string })[]): Composition {
  const result = composeServices(
    subgraphs.map(({ name, routingUrl, sdl }) => ({ name, url: routingUrl, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints };
}
