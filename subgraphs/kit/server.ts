import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { Database } from './db/database';
import { buildFederatedSchema } from './federated-schema';
import { serveGraphQL } from './http/serve-graphql';
import { maskInternalErrors } from './mask-errors';
import { SubgraphContext, SubgraphDefinition } from './subgraph-definition';

export interface RunningSubgraph {
  name: string;
  url: string;
  stop(): Promise<void>;
}

/** Serves one subgraph over HTTP; each request gets fresh DataLoaders over the shared store. */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: { db: Database; port: number; host?: string },
): Promise<RunningSubgraph> {
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: await buildFederatedSchema(definition),
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // Traces are for Apollo's hosted reporting, which a government data centre does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const served = await serveGraphQL(server, {
    port: options.port,
    host: options.host,
    context: async () => ({ db: options.db, loaders: definition.createLoaders(options.db) }),
  });
  return { name: definition.name, url: served.url, stop: served.close };
}
