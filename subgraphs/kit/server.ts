import { OperationTypeNode } from 'graphql';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { KeyLike } from 'jose';
import { auditExtensionPlugin } from './access/audit-extension-plugin';
import { CALLER_HEADER, callerVerifier, REQUEST_ID_HEADER } from '../../platform/caller-header';
import { internalClient } from '../../platform/internal-client';
import { ClientAccess } from './access/client-access';
import { Database, Queryable } from './db/database';
import { apiError, unauthenticated } from '../../platform/errors';
import { buildFederatedSchema } from './federated-schema';
import { serveGraphQL } from '../../platform/http/serve-graphql';
import { AdminPort } from '../../platform/http/operational-routes';
import { IncomingMessage } from 'node:http';
import { maskInternalErrors } from '../../platform/mask-errors';
import { internalBodyLimit, operationLimits } from '../../platform/operation-limits';
import { SubgraphContext, SubgraphDefinition } from './subgraph-definition';
import { kitMessages } from './messages/catalogue';
import { settleLanguage } from '../../platform/language/language-scope';
import { Metrics } from '../../platform/observability/metrics';
import { createLogger } from '../../platform/observability/logger';
import { Observability, requestObserver } from '../../platform/observability/request-observer';
import { outcomePlugin } from '../../platform/observability/outcome-plugin';
import { currentRequest } from '../../platform/observability/request-record';
import { CallGuard } from '../../platform/resilience/call-guard';
import { resilienceSettings } from '../../platform/resilience/settings';
import { tracedDatabase, tracedQueryable } from './db/traced-database';

export interface RunningSubgraph {
  name: string;
  url: string;
  adminUrl: string;
  stop: () => Promise<void>;
}

/**
 * A caller header the gateway signed for a query cannot carry a mutation: a header captured from
 * a read is no key to a write.
 */
function writesOnlyWhenSignedForWrites<Loaders>(): ApolloServerPlugin<SubgraphContext<Loaders>> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, contextValue }) => {
        if (operation?.operation === OperationTypeNode.MUTATION && contextValue.signedFor !== 'mutation') {
          // Refused before anything runs: 403, not the 500 an error thrown here would otherwise get.
          throw apiError('FORBIDDEN', kitMessages.text('caller.notForWrites'), { http: { status: 403 } });
        }
      },
    }),
  };
}

/** Serves one subgraph over HTTP; each request gets fresh DataLoaders over the shared store. */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: {
    db: Database;
    port: number;
    host?: string;
    /** The gateway's public key: only callers it signed for this subgraph get in. */
    callerVerifyingKey: KeyLike;
    /** Where the subgraphs this one asks are reached, by name. */
    peerUrls?: Readonly<Record<string, string>>;
    /** The largest request body; by default sized from the operation limits the gateway enforces. */
    maxBodyBytes?: number;
    /** Metrics and logs; made for this subgraph when omitted. */
    observability?: Observability;
    /** How long shutdown waits for requests in flight. */
    drainMs?: number;
    /** Where /health, /ready and /metrics are served; an ephemeral loopback port when omitted. */
    admin?: AdminPort;
    /** Where requests that write nothing read (a read replica, kit/db/read-replica.ts); `db` when omitted. */
    reads?: Queryable;
  },
): Promise<RunningSubgraph> {
  const { metrics, logger } = options.observability ?? {
    metrics: new Metrics(definition.name),
    logger: createLogger(definition.name),
  };
  const db = tracedDatabase(options.db, metrics);
  const replicaReads = options.reads && tracedQueryable(options.reads, metrics);
  // One guard per peer for the life of the server, so its breaker sees every call. One retry at
  // most (a connection reset on a kept-alive connection), where the gateway's calls get two: a
  // request through gateway -> atip -> ircc-case makes at most 3 x 2 calls, not 3 x 3.
  const peerGuards = Object.fromEntries(
    Object.keys(options.peerUrls ?? {}).map((name) => {
      const settings = resilienceSettings(name);
      return [
        name,
        new CallGuard(name, { ...settings, retries: Math.min(1, settings.retries) }, metrics.guardObserver()),
      ];
    }),
  );
  const verifyCaller = callerVerifier(options.callerVerifyingKey, definition.name);
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: await buildFederatedSchema(definition),
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // The process stops the server itself, after draining (see the gateway for why not Apollo too).
    stopOnTerminationSignals: false,
    // Traces are for Apollo's hosted reporting, which a government data centre does not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      auditExtensionPlugin(),
      writesOnlyWhenSignedForWrites(),
      outcomePlugin(),
    ],
  });
  await definition.upkeep?.run(db, logger);
  const upkeep =
    definition.upkeep &&
    setInterval(
      () =>
        void definition
          .upkeep!.run(db, logger)
          .catch((error: unknown) =>
            logger.error(
              { reason: error instanceof Error ? error.message : String(error) },
              'store upkeep failed',
            ),
          ),
      definition.upkeep.everyMs,
    ).unref();
  const served = await serveGraphQL(server, {
    port: options.port,
    host: options.host,
    // The gateway's entity fetches and audit records grow with the answer, which the operation limits bound.
    maxBodyBytes: options.maxBodyBytes ?? internalBodyLimit(operationLimits()),
    drainMs: options.drainMs,
    admin: options.admin ?? { port: 0 },
    operational: {
      metrics: metrics.registry,
      checks: {
        store: async () => {
          await db.query('SELECT 1');
          return { ok: true };
        },
        ...definition.readiness?.(db),
      },
    },
    logger,
    observe: requestObserver(metrics, logger, 'debug'),
    context: async (request) => {
      const header = request.headers[CALLER_HEADER] as string | undefined;
      const call = await verifyCaller(header);
      if (!call || !header) throw unauthenticated(kitMessages.text('caller.missing'));
      const { caller, purpose, operation: signedFor, nonce, records, language } = call;
      // An audit write records the request its signature names; a caller's header is reused across
      // requests, so the request's own id comes beside it (for logs).
      const requestId =
        purpose === 'record-access' ? call.requestId : (requestIdOf(request) ?? call.requestId);
      settleLanguage(language);
      Object.assign(currentRequest(), { requestId, role: caller.role });
      const peers = Object.fromEntries(
        Object.entries(options.peerUrls ?? {}).map(([name, url]) => [
          name,
          internalClient(url, header, name, peerGuards[name]),
        ]),
      );
      // A request that may write reads from the primary, so it sees its own writes; whom a
      // representative represents is always read there, so a revoked authorization is never used.
      const reads = signedFor === 'mutation' ? db : (replicaReads ?? db);
      const represented = definition.representedClients?.({ db, peers });
      return {
        db,
        caller,
        requestId,
        purpose,
        signedFor,
        nonce,
        records,
        language,
        peers,
        access: new ClientAccess(caller, represented),
        loaders: definition.createLoaders(reads),
      };
    },
  });
  return {
    name: definition.name,
    url: served.url,
    adminUrl: served.adminUrl,
    stop: () => {
      clearInterval(upkeep);
      return served.close();
    },
  };
}

/** The gateway's request id, when it is one: it goes into logs, so nothing else is taken. */
function requestIdOf(request: IncomingMessage): string | undefined {
  const id = request.headers[REQUEST_ID_HEADER];
  return typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? id : undefined;
}
