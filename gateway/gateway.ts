import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway } from '@apollo/gateway';
import { serveGraphQL } from '../subgraphs/kit/http/serve-graphql';
import { maskInternalErrors } from '../subgraphs/kit/mask-errors';
import { SubgraphUnavailable } from './resilience/subgraph-unavailable';
import { supergraphFromFile } from './supergraph/supergraph-source';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphFile: string;
  /** Where each subgraph is reached, by name; overrides the routing URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphFile),
    buildService: ({ name, url }) =>
      new SubgraphUnavailable({
        name,
        url: options.subgraphUrls[name] ?? url,
        // The platform fetch: the gateway's default agent cannot be intercepted by nock in tests.
        fetcher: fetch,
      }),
  });
  const server = new ApolloServer({
    gateway,
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })],
  });
  const served = await serveGraphQL(server, { port: options.port, host: options.host, context: async () => ({}) });
  return { url: served.url, stop: served.close };
}
