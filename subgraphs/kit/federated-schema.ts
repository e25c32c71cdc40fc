import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { SubgraphDefinition } from './subgraph-definition';

/**
 * Federation 2.9, plus One Window's own `@pageSize`, composed into the supergraph so that the
 * gateway can cost and check every page size before a query runs (see kit/pagination.ts).
 */
const FEDERATION_LINK = `extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.9"
    import: ["@key", "@shareable", "@external", "@inaccessible", "@authenticated", "@requiresScopes", "@composeDirective"]
  )
  @link(url: "https://one-window.canada.ca/paging/v1.0", import: ["@pageSize"])
  @composeDirective(name: "@pageSize")

directive @pageSize(default: Int!, max: Int!) on FIELD_DEFINITION`;

/** The `{ typeDefs, resolvers }` form buildSubgraphSchema takes, named from its public signature. */
type SchemaModule = Extract<
  Parameters<typeof buildSubgraphSchema>[0],
  { typeDefs: unknown; resolvers?: unknown }
>;

/**
 * type-graphql classes are the single source of truth: they are built into a plain schema,
 * printed with their federation directives, and handed to @apollo/subgraph, which adds
 * `_entities`/`_service` and wires the reference resolvers.
 */
export async function buildFederatedSchema<Loaders>(
  definition: SubgraphDefinition<Loaders>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    // Federation directives are not known to graphql-js until @apollo/subgraph adds them.
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(definition.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    // Both libraries type their resolver maps on their own; the shapes are the same at run time.
    resolvers: resolvers as SchemaModule['resolvers'],
  });
}
