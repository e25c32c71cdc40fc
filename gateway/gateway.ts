import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { serveGraphQL } from '../platform/http/serve-graphql';
import { maskInternalErrors } from '../platform/mask-errors';
import { AuditContext, tallySubgraphResponse } from './audit/access-tally';
import { auditPlugin } from './audit/audit-plugin';
import { auditWriter } from './audit/audit-writer';
import { AuthorizingGateway, GatewayContext } from './auth/authorizing-gateway';
import { markAuthorizationEnforced } from './auth/enforced-features';
import { callerForwarding, CallerForwarding, forwardCaller } from './auth/forward-caller';
import { TokenVerifier } from './auth/token-verifier';
import { OperationLimits, operationLimits } from '../platform/operation-limits';
import { SubgraphUnavailable } from './resilience/subgraph-unavailable';
import { Exposure } from './config';
import { RateLimits, rateLimits, RequestLimiter } from './traffic/rate-limits';
import { readSupergraphConfig } from '../platform/supergraph-config';
import { supergraphFromFile } from './supergraph/supergraph-source';
import { answerLanguage } from './language/answer-language';
import { LanguageContext, languagePlugin } from './language/language-plugin';
import { preferredLanguageOf } from './language/preferred-language';
import { inLanguageOfRequest } from './messages/graphql-js-messages';
import { currentLanguage, settleLanguage } from '../platform/language/language-scope';
import { readFrenchDescriptions } from '../platform/language/schema-descriptions';

// Apollo Gateway reports telemetry and probes cloud metadata addresses unless told not to; a
// government data centre's gateway calls out to nothing but its subgraphs and identity provider.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

export interface GatewayOptions {
  port: number;
  host?: string;
  supergraphFile: string;
  /** Where each subgraph is reached, by name; overrides the routing URLs in the supergraph. */
  subgraphUrls: Record<string, string>;
  verifyToken: TokenVerifier;
  /** Signs the caller forwarded to subgraphs, which hold only the public half. */
  callerSigningKey: KeyLike;
  /** The audit subgraph, which records every access before the answer leaves. */
  auditServiceUrl: string;
  /** Case management, asked an applicant's preferred language; `subgraphUrls['ircc-case']` when omitted. */
  caseServiceUrl?: string;
  /** Depth, alias, token and cost caps; from the environment when omitted. */
  limits?: OperationLimits;
  /** Requests per minute per caller, by role; from the environment when omitted. */
  rateLimits?: RateLimits;
  /** Sandbox and introspection; both on when omitted (development). */
  exposure?: Pick<Exposure, 'sandbox' | 'introspection'>;
}

export interface RunningGateway {
  url: string;
  stop: () => Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits = options.limits ?? operationLimits();
  const limiter = new RequestLimiter(options.rateLimits ?? rateLimits());
  const { sandbox, introspection } = options.exposure ?? { sandbox: true, introspection: true };
  const audiences = new Map(
    readSupergraphConfig().subgraphs.map((subgraph) => [subgraph.name, subgraph.asks]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphFromFile(options.supergraphFile, markAuthorizationEnforced),
    buildService: ({ name, url }) =>
      new SubgraphUnavailable({
        name,
        url: options.subgraphUrls[name] ?? url,
        // The platform fetch: the gateway's default agent cannot be intercepted by nock in tests.
        fetcher: fetch,
        willSendRequest: forwardCaller(name),
        didReceiveResponse: tallySubgraphResponse,
      }),
  });
  const authorizing = new AuthorizingGateway(gateway, limits, readFrenchDescriptions(options.supergraphFile));
  const caseServiceUrl = options.caseServiceUrl ?? options.subgraphUrls['ircc-case'];
  const preferredLanguage = caseServiceUrl
    ? preferredLanguageOf(caseServiceUrl, options.callerSigningKey)
    : null;
  const server = new ApolloServer<
    GatewayContext & { forwarding: CallerForwarding } & AuditContext & LanguageContext
  >({
    gateway: authorizing,
    formatError: (formatted, error) =>
      inLanguageOfRequest(maskInternalErrors(formatted, error), currentLanguage()),
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?": a caller must not learn of fields their scopes hide.
    hideSchemaDetailsFromClientErrors: true,
    // The parser stops at the token limit, before any work is done on a huge document.
    parseOptions: { maxTokens: limits.maxTokens },
    introspection,
    plugins: [
      sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      authorizing.analysisPlugin(),
      auditPlugin(auditWriter(options.auditServiceUrl)),
      // Last, so that an answer the audit plugin replaces still says its language.
      languagePlugin(),
    ],
  });
  const served = await serveGraphQL(server, {
    port: options.port,
    host: options.host,
    context: async (request) => {
      const caller = await options.verifyToken(request.headers.authorization);
      await limiter.admit(caller, request.socket.remoteAddress);
      const requestId = randomUUID();
      const language = await answerLanguage(
        request.headers['accept-language'],
        caller,
        requestId,
        preferredLanguage,
      );
      settleLanguage(language);
      return {
        caller,
        language,
        forwarding: callerForwarding(
          caller,
          requestId,
          language,
          options.callerSigningKey,
          audiences,
          'audit',
        ),
        audit: { requestId, read: new Set<string>(), denied: new Set<string>() },
      };
    },
  });
  return { url: served.url, stop: served.close };
}
