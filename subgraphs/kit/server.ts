import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Database } from './db/database';
import { buildFederatedSchema } from './federated-schema';
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
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host ?? '127.0.0.1' },
    context: async () => ({ db: options.db, loaders: definition.createLoaders(options.db) }),
  });
  return { name: definition.name, url, stop: () => server.stop() };
}
