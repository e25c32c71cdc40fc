import { ApolloServerPlugin } from '@apollo/server';
import { AUDIT_EXTENSION, AuditExtension } from '../../../platform/audit-extension';
import { SubgraphContext } from '../subgraph-definition';

/**
 * Adds to each subgraph response the UCIs whose files it read or refused, for the gateway to
 * record before the answer leaves. Subgraphs do not store it themselves: one record per access
 * needs the whole operation, which only the gateway sees.
 */
export function auditExtensionPlugin<Loaders>(): ApolloServerPlugin<SubgraphContext<Loaders>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const { read, denied } = contextValue.access;
          if (response.body.kind !== 'single' || (read.size === 0 && denied.size === 0)) return;
          const extension: AuditExtension = { read: [...read], denied: [...denied] };
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            [AUDIT_EXTENSION]: extension,
          };
        },
      };
    },
  };
}
