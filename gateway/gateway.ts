import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { randomUUID } from 'node:crypto';
import { signCaller } from '../subgraphs/kit/access/caller-header';
import { serveGraphQL } from '../subgraphs/kit/http/serve-graphql';
import { maskInternalErrors } from '../subgraphs/kit/mask-errors';
import { AuditContext, tallySubgraphResponse } from './audit/access-tally';
import { auditPlugin } from './audit/audit-plugin';
import { auditWriter } from './audit/audit-writer';
import { AuthorizingGateway, GatewayContext } from './auth/authorizing-gateway';
import { markAuthorizationEnforced } from './auth/enforced-features';
import { CallerForwarding, forwardCaller } from './auth/forward-caller';
import { TokenVerifier } from './auth/token-verifier';
import { OperationLimits, operationLimits } from '../subgraphs/kit/operation-limits';
import { SubgraphUnavailable } from './resilience/subgraph-unavailable';
import { supergraphFromFile } from './supergraph/supergraph-source';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphFile: string;
  /** Where each subgraph is reached, by name; overrides the routing URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  verifyToken: TokenVerifier;
  /** Signs the caller forwarded to subgraphs; they hold the same secret. */
  internalSecret: Uint8Array;
  /** The audit subgraph, which records every access before the answer leaves. */
  auditServiceUrl: string;
  /** Depth, alias, token and cost caps; from the environment when omitted. */
  limits?: OperationLimits;
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits = options.limits ?? operationLimits();
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphFile, markAuthorizationEnforced),
    buildService: ({ name, url }) =>
      new SubgraphUnavailable({
        name,
        url: options.subgraphUrls[name] ?? url,
        // The platform fetch: the gateway's default agent cannot be intercepted by nock in tests.
        fetcher: fetch,
        willSendRequest: forwardCaller,
        didReceiveResponse: tallySubgraphResponse,
      }),
  });
  const authorizing = new AuthorizingGateway(gateway, limits);
  const server = new ApolloServer<GatewayContext & CallerForwarding & AuditContext>({
    gateway: authorizing,
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?": a caller must not learn of fields their scopes hide.
    hideSchemaDetailsFromClientErrors: true,
    // The parser stops at the token limit, before any work is done on a huge document.
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      authorizing.analysisPlugin(),
      auditPlugin(auditWriter(options.auditServiceUrl)),
    ],
  });
  const served = await serveGraphQL(server, {
    port: options.port,
    host: options.host,
    context: async (request) => {
      const caller = await options.verifyToken(request.headers.authorization);
      return {
        caller,
        callerHeader: await signCaller(caller, options.internalSecret),
        audit: { requestId: randomUUID(), read: new Set<string>(), denied: new Set<string>() },
      };
    },
  });
  return { url: served.url, stop: served.close };
}
