import { ApolloServerPlugin } from '@apollo/server';
import { GatewayContext } from '../auth/authorizing-gateway';
import { CallerForwarding } from '../auth/forward-caller';
import { AccessRecordInput, AuditWriter } from './audit-writer';
import { AuditContext } from './access-tally';

type Context = GatewayContext & CallerForwarding & AuditContext;

/**
 * Records every access to a client's file before the answer leaves: one record per file per
 * request, naming the reader, the fields and the operation. If the record cannot be written,
 * the answer is withheld (503): nothing is served unaudited.
 */
export function auditPlugin(write: AuditWriter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const { audit, caller, callerHeader, analysis } = contextValue;
          if (audit.read.size === 0 && audit.denied.size === 0) return;
          const fields = analysis?.delivered ?? [];
          const shared = {
            requestId: audit.requestId,
            occurredAt: new Date().toISOString(),
            readerSubject: caller.subject,
            readerRole: caller.role,
            readerClientId: caller.clientId,
            readerScopes: caller.scopes,
            fields,
            operationName: operationName ?? null,
            operationHash: analysis?.executedHash ?? '',
          };
          const records: AccessRecordInput[] = [
            ...[...audit.read].map((clientUci) => ({ ...shared, clientUci, outcome: 'READ' as const })),
            ...[...audit.denied].filter((uci) => !audit.read.has(uci)).map((clientUci) => ({ ...shared, clientUci, outcome: 'DENIED' as const })),
          ];
          try {
            await write(records, callerHeader);
          } catch (error) {
            console.error('[gateway] audit write failed; answer withheld:', (error as Error).message);
            response.http.status = 503;
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [{ message: 'This access could not be recorded, so the answer is withheld. Try again shortly.', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
              },
            };
          }
        },
      };
    },
  };
}
