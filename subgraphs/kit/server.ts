import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { KeyLike } from 'jose';
import { auditExtensionPlugin } from './access/audit-extension';
import { CALLER_HEADER, verifyCaller } from './access/caller-header';
import { internalClient } from './access/internal-client';
import { ClientAccess, remoteRepresentedClients } from './access/client-access';
import { Database } from './db/database';
import { unauthenticated } from './errors';
import { buildFederatedSchema } from './federated-schema';
import { serveGraphQL } from './http/serve-graphql';
import { maskInternalErrors } from './mask-errors';
import { internalBodyLimit, operationLimits } from './operation-limits';
import { SubgraphContext, SubgraphDefinition } from './subgraph-definition';

export interface RunningSubgraph {
  name: string;
  url: string;
  stop(): Promise<void>;
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
    /** The case-management subgraph, asked whom a representative represents. */
    caseServiceUrl?: string;
    /** The largest request body; by default sized from the operation limits the gateway enforces. */
    maxBodyBytes?: number;
  },
): Promise<RunningSubgraph> {
  const localCheck = definition.representedClients?.(options.db);
  if (!localCheck && !options.caseServiceUrl) throw new Error(`${definition.name} needs the case service URL to check representatives' access`);
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: await buildFederatedSchema(definition),
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // Traces are for Apollo's hosted reporting, which a government data centre does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginUsageReportingDisabled(), auditExtensionPlugin()],
  });
  const served = await serveGraphQL(server, {
    port: options.port,
    host: options.host,
    // The gateway's entity fetches and audit records grow with the answer, which the operation limits bound.
    maxBodyBytes: options.maxBodyBytes ?? internalBodyLimit(operationLimits()),
    context: async (request) => {
      const header = request.headers[CALLER_HEADER] as string | undefined;
      const call = await verifyCaller(header, options.callerVerifyingKey, definition.name);
      if (!call || !header) throw unauthenticated('This service answers only requests forwarded by the One Window gateway.');
      const { caller, requestId, purpose } = call;
      const caseService = options.caseServiceUrl ? internalClient(options.caseServiceUrl, header, 'case management') : undefined;
      const represented = localCheck ?? remoteRepresentedClients(caseService!);
      return {
        db: options.db, caller, requestId, purpose, caseService, access: new ClientAccess(caller, represented), loaders: definition.createLoaders(options.db),
      };
    },
  });
  return { name: definition.name, url: served.url, stop: served.close };
}
