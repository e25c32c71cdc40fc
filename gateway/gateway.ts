import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { serveGraphQL } from '../platform/http/serve-graphql';
import { documentStore, persistedQueryStore } from '../platform/apollo-caches';
import { maskInternalErrors } from '../platform/mask-errors';
import { AuditContext, tallySubgraphResponse } from './audit/access-tally';
import { auditPlugin } from './audit/audit-plugin';
import { auditBatchSender, AuditWriter, auditWriter } from './audit/audit-writer';
import { openAuditOutbox, OutboxSettings } from './audit/outbox/audit-outbox';
import { AuthorizingGateway, GatewayContext } from './auth/authorizing-gateway';
import { markAuthorizationEnforced } from './auth/enforced-features';
import { callerForwarding, CallerForwarding, CallerSignatures, forwardCaller } from './auth/forward-caller';
import { TokenVerifier } from './auth/token-verifier';
import { internalBodyLimit, OperationLimits, operationLimits } from '../platform/operation-limits';
import { GuardedDataSource } from './resilience/guarded-data-source';
import { CallGuard } from '../platform/resilience/call-guard';
import { requestDeadlineMs, ResilienceSettings, resilienceSettings } from '../platform/resilience/settings';
import { Metrics } from '../platform/observability/metrics';
import { createLogger, Logger } from '../platform/observability/logger';
import { Observability, requestObserver } from '../platform/observability/request-observer';
import { outcomePlugin } from '../platform/observability/outcome-plugin';
import { currentRequest } from '../platform/observability/request-record';
import { traceHeaders } from '../platform/observability/tracing';
import { AdminPort, CheckResult, OperationalRoutes } from '../platform/http/operational-routes';
import { LANGUAGE_LOOKUP } from './language/preferred-language';
import { Exposure } from './config';
import { RateLimits, rateLimits, RequestLimiter } from './traffic/rate-limits';
import { ClientAddresses, trustedProxies } from './traffic/client-address';
import { AdaptiveLimitSettings, adaptiveLimitSettings } from '../platform/traffic/adaptive-limit';
import { admissionGate } from '../platform/traffic/admission';
import Redis from 'ioredis';
import { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Caller } from '../platform/caller';
import { TrustedDocuments } from './traffic/trusted-documents';
import { explorerRoutes } from './explorer/explorer-routes';

import { PROJECT_ROOT, readSupergraphConfig } from '../platform/supergraph-config';
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
  /** Where each subgraph answers /ready, by name: the gateway is ready only when the audit subgraph is. */
  subgraphAdminUrls?: Record<string, string>;
  /** Where the gateway's own /health, /ready and /metrics are served; an ephemeral loopback port when omitted. */
  admin?: AdminPort;
  verifyToken: TokenVerifier;
  /** Signs the caller forwarded to subgraphs, which hold only the public half. */
  callerSigningKey: KeyLike;
  /** The audit subgraph, which records every access before the answer leaves. */
  auditServiceUrl: string;
  /** How each access is recorded; through the audit subgraph at `auditServiceUrl` when omitted. */
  audit?: AuditWriter;
  /**
   * A durable local outbox the records go through, so an answer waits for a local fsync rather
   * than for the audit trail; without it, each answer waits until its record is in the trail.
   */
  auditOutbox?: OutboxSettings;
  /** Case management, asked an applicant's preferred language; `subgraphUrls['ircc-case']` when omitted. */
  caseServiceUrl?: string;
  /** Depth, alias, token and cost caps; from the environment when omitted. */
  limits?: OperationLimits;
  /** Requests per minute per caller, by role; from the environment when omitted. */
  rateLimits?: RateLimits;
  /** Redis shared by every gateway replica, so a caller's limit is one across them; in memory when omitted. */
  redisUrl?: string;
  /** The load balancers whose X-Forwarded-For is believed (CIDR blocks); from the environment when omitted. */
  trustedProxies?: string[];
  /** The partner clients' persisted-query manifests; documents/manifests/ when omitted. */
  trustedDocumentsDir?: string;
  /**
   * Off only for tests of the layers behind it (scopes, row-level rules, audit), which send
   * partners' documents that no manifest holds; there is no setting for it in a process.
   */
  enforceTrustedDocuments?: boolean;
  /** The explorer and introspection; Sandbox and introspection when omitted (development). */
  exposure?: Pick<Exposure, 'explorer' | 'introspection'> & {
    /** The development token both explorers open with, read each time a page is served. */
    sandboxToken?: () => string | undefined;
  };
  /** Metrics and logs; made for the gateway when omitted. */
  observability?: Observability;
  /** Time-outs, retries and breakers for every service called; from the environment when omitted. */
  resilience?: (service: string) => ResilienceSettings;
  /** How long shutdown waits for requests in flight (10 s when omitted). */
  drainMs?: number;
  /** Admission control; ONE_WINDOW_CONCURRENCY by default (adaptive). */
  concurrency?: AdaptiveLimitSettings | 'off';
  /** The most a request may take, all its fetches included; ONE_WINDOW_REQUEST_DEADLINE_MS by default. */
  deadlineMs?: number;
}

/** How long a stopping gateway goes on shipping its outbox; what is left ships at the next start. */
const OUTBOX_CLOSE_GRACE_MS = 5_000;

/** What the gateway keeps by what callers send; docs/operations.md lists them. */
const CACHE_BUDGETS = {
  documents: { maxEntries: 10_000, maxBytes: 16 * 1024 * 1024 },
  persistedQueries: { maxEntries: 10_000, maxBytes: 8 * 1024 * 1024 },
  queryPlansMiB: 8,
};

export interface RunningGateway {
  url: string;
  adminUrl: string;
  /** Resolves once every record written so far is in the audit trail (at once without an outbox). */
  auditShipped: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits = options.limits ?? operationLimits();
  const { explorer, introspection, sandboxToken } = options.exposure ?? {
    explorer: 'sandbox',
    introspection: true,
  };
  const signatures = new CallerSignatures(
    options.callerSigningKey,
    new Map(readSupergraphConfig().subgraphs.map((subgraph) => [subgraph.name, subgraph.asks])),
  );
  const { metrics, logger } = options.observability ?? {
    metrics: new Metrics('gateway'),
    logger: createLogger('gateway'),
  };
  // Commands fail at once while Redis is away (no offline queue): the limiter then counts in memory.
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 1_000,
        // A Redis that is connected but does not answer must not hold requests either.
        commandTimeout: 250,
      })
    : undefined;
  redis?.on('error', (error: Error) =>
    logger.warn({ reason: error.message }, 'redis unavailable; rate limits counted per replica'),
  );
  if (redis) await connected(redis, logger);
  const limiter = new RequestLimiter(options.rateLimits ?? rateLimits(), redis);
  const addresses = new ClientAddresses(options.trustedProxies ?? trustedProxies());
  const counted = (admission: Promise<void>, role: string) =>
    admission.catch((refusal: unknown) => {
      metrics.rateLimitRefusals.inc({ role });
      throw refusal;
    });
  // Written by `npm run documents` from documents/partners/.
  const trusted = TrustedDocuments.fromFolder(
    options.trustedDocumentsDir ?? path.join(PROJECT_ROOT, 'documents', 'manifests'),
  );
  // The token is verified once per request: first to see whose documents these are, then for the context.
  const verified = new WeakMap<IncomingMessage, Promise<Caller>>();
  const callerOf = (request: IncomingMessage) => {
    let caller = verified.get(request);
    if (!caller) verified.set(request, (caller = options.verifyToken(request.headers.authorization)));
    return caller;
  };
  const log = (line: string) => logger.warn(line);
  // One guard per service for the life of the gateway, so each breaker sees every call.
  const guards = new Map<string, CallGuard>();
  const guardOf = (name: string) => {
    if (!guards.has(name))
      guards.set(
        name,
        new CallGuard(name, (options.resilience ?? resilienceSettings)(name), metrics.guardObserver()),
      );
    return guards.get(name)!;
  };
  // Its own guard: failing reads of the access log (a caller's heavy query) must never stop the writes.
  const sendAudit = auditBatchSender(options.auditServiceUrl, guardOf('audit-write'), metrics, (requestIds) =>
    signatures.forAuditWrite(requestIds, 'audit'),
  );
  const outbox =
    options.auditOutbox &&
    (await openAuditOutbox(options.auditOutbox, sendAudit, metrics, logger, internalBodyLimit(limits)));
  const gateway = new ApolloGateway({
    // Plans are weighed by their JSON, which is all they keep (no document of the caller's).
    experimental_approximateQueryPlanStoreMiB: CACHE_BUDGETS.queryPlansMiB,
    supergraphSdl: supergraphFromFile(options.supergraphFile, markAuthorizationEnforced, logger),
    buildService: ({ name, url }) =>
      new GuardedDataSource({
        name,
        url: options.subgraphUrls[name] ?? url,
        guard: guardOf(name),
        metrics,
        log,
        willSendRequest: async (request) => {
          await forwardCaller(name)(request);
          for (const [header, value] of Object.entries(traceHeaders()))
            request.request.http?.headers.set(header, value);
        },
        didReceiveResponse: tallySubgraphResponse,
      }),
  });
  const authorizing = new AuthorizingGateway(gateway, limits, readFrenchDescriptions(options.supergraphFile));
  const caseServiceUrl = options.caseServiceUrl ?? options.subgraphUrls['ircc-case'];
  const preferredLanguage = caseServiceUrl
    ? preferredLanguageOf(
        caseServiceUrl,
        options.callerSigningKey,
        new CallGuard('preferred-language', LANGUAGE_LOOKUP, metrics.guardObserver()),
        log,
      )
    : null;
  const server = new ApolloServer<
    GatewayContext & { forwarding: CallerForwarding } & AuditContext & LanguageContext
  >({
    gateway: authorizing,
    formatError: (formatted, error) =>
      inLanguageOfRequest(maskInternalErrors(formatted, error), currentLanguage()),
    includeStacktraceInErrorResponses: false,
    // The process stops the server itself, after draining (platform/signals.ts). Apollo's own
    // handler would stop it a second time concurrently, and Apollo Server 5.5's stop() never
    // releases a second caller: the gateway hung on SIGTERM after a load run.
    stopOnTerminationSignals: false,
    // No "Did you mean …?": a caller must not learn of fields their scopes hide.
    hideSchemaDetailsFromClientErrors: true,
    // The parser stops at the token limit, before any work is done on a huge document.
    parseOptions: { maxTokens: limits.maxTokens },
    // Kept by what callers send, so each with a budget of bytes that counts what it keeps.
    documentStore: documentStore(CACHE_BUDGETS.documents),
    persistedQueries: { cache: persistedQueryStore(CACHE_BUDGETS.persistedQueries) },
    introspection,
    plugins: [
      // The explorers' pages are served beside GraphQL (`pages`), not by Apollo Server.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      authorizing.analysisPlugin(),
      auditPlugin(
        options.audit ?? outbox?.write ?? auditWriter(sendAudit, metrics, internalBodyLimit(limits)),
      ),
      outcomePlugin(),
      // Last, so that an answer the audit plugin replaces still says its language.
      languagePlugin(),
    ],
  });
  const served = await serveGraphQL(server, {
    port: options.port,
    host: options.host,
    drainMs: options.drainMs,
    admin: options.admin ?? { port: 0 },
    operational: { metrics: metrics.registry, ...readiness(authorizing, options.subgraphAdminUrls ?? {}) },
    logger,
    pages: explorerRoutes(explorer, sandboxToken),
    observe: requestObserver(metrics, logger),
    admission: admissionGate(options.concurrency ?? adaptiveLimitSettings(), metrics),
    deadlineMs: options.deadlineMs ?? requestDeadlineMs(),
    // Every request counts against its caller's limit before its body is read, refused or not: one
    // whose token does not verify against its address's own limit, past which it is 429, not 401.
    admitCaller: async (request) => {
      const address = addresses.of(request);
      const caller = await callerOf(request).catch(async (refusal: unknown) => {
        await counted(limiter.admitUnverified(address), 'unverified');
        throw refusal;
      });
      currentRequest().role = caller.role;
      await counted(limiter.admit(caller, address), caller.role);
    },
    admitDocument: async (request, document) => {
      if (options.enforceTrustedDocuments === false) return undefined;
      return trusted.admit(await callerOf(request), document);
    },
    context: async (request) => {
      const caller = await callerOf(request);
      const requestId = randomUUID();
      Object.assign(currentRequest(), { requestId, role: caller.role });
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
        forwarding: callerForwarding(caller, requestId, language, signatures),
        audit: { requestId, read: new Set<string>(), denied: new Set<string>() },
      };
    },
  });
  return {
    url: served.url,
    adminUrl: served.adminUrl,
    auditShipped: () => outbox?.shipped() ?? Promise.resolve(),
    stop: async () => {
      await served.close();
      await outbox?.close(OUTBOX_CLOSE_GRACE_MS);
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * Ready when a supergraph is loaded and the audit subgraph is ready (its trail is writable): the
 * gateway serves nothing it cannot record. The other subgraphs are reported but do not gate: one
 * of them down is a partial answer naming it, not a reason to take every gateway out of service.
 */
function readiness(
  gateway: AuthorizingGateway,
  subgraphAdminUrls: Record<string, string>,
): Pick<OperationalRoutes, 'checks' | 'informational'> {
  const subgraphReady = (url: string | undefined) => async (): Promise<CheckResult> => {
    if (!url) return { ok: false, detail: 'no admin URL configured' };
    const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok ? { ok: true } : { ok: false, detail: `answered HTTP ${response.status}` };
  };
  const { audit, ...others } = subgraphAdminUrls;
  return {
    checks: {
      supergraph: async () => (gateway.loaded ? { ok: true } : { ok: false, detail: 'no supergraph loaded' }),
      audit: subgraphReady(audit),
    },
    informational: Object.fromEntries(
      Object.entries(others).map(([name, url]) => [name, subgraphReady(url)]),
    ),
  };
}

/** Waits a moment for Redis, so the first requests are counted where all replicas count them. */
async function connected(redis: Redis, logger: Logger): Promise<void> {
  const ready = new Promise<boolean>((resolve) => redis.once('ready', () => resolve(true)));
  const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref());
  if (!(await Promise.race([ready, late])))
    logger.warn('redis not ready at start; rate limits counted per replica until it is');
}
