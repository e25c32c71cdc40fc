import { OperationTypeNode } from 'graphql';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { KeyLike } from 'jose';
import { auditExtensionPlugin } from './access/audit-extension-plugin';
import { CALLER_HEADER, verifyCaller } from '../../platform/caller-header';
import { internalClient } from '../../platform/internal-client';
import { ClientAccess } from './access/client-access';
import { Database } from './db/database';
import { forbidden, unauthenticated } from '../../platform/errors';
import { buildFederatedSchema } from './federated-schema';
import { serveGraphQL } from '../../platform/http/serve-graphql';
import { maskInternalErrors } from '../../platform/mask-errors';
import { internalBodyLimit, operationLimits } from '../../platform/operation-limits';
import { SubgraphContext, SubgraphDefinition } from './subgraph-definition';
import { kitMessages } from './messages/catalogue';
import { settleLanguage } from '../../platform/language/language-scope';

export interface RunningSubgraph {
  name: string;
  url: string;
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
          throw forbidden(kitMessages.text('caller.notForWrites'));
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
  },
): Promise<RunningSubgraph> {
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema: await buildFederatedSchema(definition),
    formatError: maskInternalErrors,
    includeStacktraceInErrorResponses: false,
    // Traces are for Apollo's hosted reporting, which a government data centre does not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      auditExtensionPlugin(),
      writesOnlyWhenSignedForWrites(),
    ],
  });
  const served = await serveGraphQL(server, {
    port: options.port,
    host: options.host,
    // The gateway's entity fetches and audit records grow with the answer, which the operation limits bound.
    maxBodyBytes: options.maxBodyBytes ?? internalBodyLimit(operationLimits()),
    context: async (request) => {
      const header = request.headers[CALLER_HEADER] as string | undefined;
      const call = await verifyCaller(header, options.callerVerifyingKey, definition.name);
      if (!call || !header) throw unauthenticated(kitMessages.text('caller.missing'));
      const { caller, requestId, purpose, operation: signedFor, nonce, language } = call;
      settleLanguage(language);
      const peers = Object.fromEntries(
        Object.entries(options.peerUrls ?? {}).map(([name, url]) => [
          name,
          internalClient(url, header, name),
        ]),
      );
      const represented = definition.representedClients?.({ db: options.db, peers });
      return {
        db: options.db,
        caller,
        requestId,
        purpose,
        signedFor,
        nonce,
        language,
        peers,
        access: new ClientAccess(caller, represented),
        loaders: definition.createLoaders(options.db),
      };
    },
  });
  return { name: definition.name, url: served.url, stop: served.close };
}
