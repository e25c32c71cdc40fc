import { OperationTypeNode } from 'graphql';
import { ApolloServerPlugin, GraphQLResponse, HeaderMap } from '@apollo/server';
import { ErrorCode, httpStatusOf } from '../../platform/errors';
import { GatewayContext } from '../auth/authorizing-gateway';
import { AuditContext } from './access-tally';
import { accessEvent } from './access-event';
import { AuditWriter } from './audit-writer';
import { BacklogRefusal } from './group-commit';
import { gatewayMessages } from '../messages/catalogue';
import { Text } from '../../platform/language/catalogue';
import { currentLanguage } from '../../platform/language/language-scope';
import { requestLogger } from '../../platform/observability/request-record';
import { ServiceFailure } from '../../platform/resilience/call-guard';

type Context = GatewayContext & AuditContext;

/** Logged by reason only: the audit service's answer may quote the record, which names a client. */
function auditFailed(error: unknown, consequence: string): void {
  const reason =
    error instanceof ServiceFailure
      ? error.reason
      : error instanceof BacklogRefusal
        ? `queue-${error.reason}`
        : 'refused';
  requestLogger().error({ reason }, `audit write failed; ${consequence}`);
}

/** Seconds a caller is asked to wait when the audit trail cannot be written. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Records every access to a client's file before the answer leaves: the request once, with
 * every file it read or was refused. If the record cannot be written the answer is withheld
 * (503 with Retry-After): nothing is served unaudited. A write is recorded before it runs as
 * well, so an audit outage refuses it before anything changes rather than after.
 */
export function auditPlugin(write: AuditWriter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue, operation, operationName }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return null;
          const { audit, caller, analysis } = contextValue;
          const event = accessEvent({
            tally: audit,
            caller,
            analysis,
            operationName: operationName ?? null,
            evenWithoutFiles: true,
          })!;
          try {
            await write(event);
            return null;
          } catch (error) {
            auditFailed(error, 'change refused');
            return withheld(gatewayMessages.text('audit.changeRefused'));
          }
        },
        async willSendResponse({ contextValue, response, operation, operationName }) {
          const { audit, caller, analysis } = contextValue;
          const event = accessEvent({ tally: audit, caller, analysis, operationName: operationName ?? null });
          if (!event) return;
          try {
            await write(event);
          } catch (error) {
            auditFailed(error, 'answer withheld');
            const refusal = withheld(
              operation?.operation === OperationTypeNode.MUTATION
                ? gatewayMessages.text('audit.changeWithheld')
                : gatewayMessages.text('audit.answerWithheld'),
            );
            response.http.status = refusal.http.status;
            for (const [name, value] of refusal.http.headers) response.http.headers.set(name, value);
            response.body = refusal.body;
          }
        },
      };
    },
  };
}

/** The answer withheld because the audit trail cannot be written. */
function withheld(message: Text): GraphQLResponse {
  return {
    http: {
      status: httpStatusOf('AUDIT_UNAVAILABLE'),
      headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]),
    },
    body: {
      kind: 'single',
      singleResult: {
        errors: [
          {
            message: message.render(currentLanguage()),
            extensions: { code: 'AUDIT_UNAVAILABLE' satisfies ErrorCode },
          },
        ],
      },
    },
  };
}
