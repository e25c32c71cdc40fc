import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, httpStatusOf } from '../../platform/errors';
import { GatewayContext } from '../auth/authorizing-gateway';
import { CallerForwarding } from '../auth/forward-caller';
import { AuditContext } from './access-tally';
import { accessEvent } from './access-event';
import { AuditWriter } from './audit-writer';

type Context = GatewayContext & { forwarding: CallerForwarding } & AuditContext;

/** Seconds a caller is asked to wait when the audit trail cannot be written. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Records every access to a client's file before the answer leaves: the request once, with
 * every file it read or was refused. If the record cannot be written the answer is withheld
 * (503 with Retry-After): nothing is served unaudited.
 */
export function auditPlugin(write: AuditWriter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName, request }) {
          const { audit, caller, forwarding, analysis } = contextValue;
          const event = accessEvent({
            tally: audit,
            caller,
            analysis,
            operationName: operationName ?? null,
            variables: request.variables,
          });
          if (!event) return;
          try {
            await write(event, await forwarding.auditHeader());
          } catch (error) {
            console.error('[gateway] audit write failed; answer withheld:', (error as Error).message);
            response.http.status = httpStatusOf('AUDIT_UNAVAILABLE');
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message:
                      'This access could not be recorded, so the answer is withheld. Try again shortly.',
                    extensions: { code: 'AUDIT_UNAVAILABLE' satisfies ErrorCode },
                  },
                ],
              },
            };
          }
        },
      };
    },
  };
}
