import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { currentRequest } from './request-record';

/** Fills the request record (and the request's span) with the operation and its outcome. */
export function outcomePlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, operationName }) => {
        const record = currentRequest();
        record.operationName = operationName ?? undefined;
        record.operationType = operation?.operation;
        trace.getActiveSpan()?.setAttributes({
          'graphql.operation.name': operationName ?? '',
          'graphql.operation.type': operation?.operation ?? '',
        });
      },
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const { errors, data } = response.body.singleResult;
        const record = currentRequest();
        if (!errors?.length) record.outcome = 'ok';
        else if (data) record.outcome = 'partial';
        else
          record.outcome =
            typeof errors[0].extensions?.code === 'string' ? errors[0].extensions.code : 'error';
      },
    }),
  };
}
