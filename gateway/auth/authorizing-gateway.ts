import { ApolloGateway } from '@apollo/gateway';
import { ApolloServerPlugin } from '@apollo/server';
import {
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import { execute, OperationDefinitionNode } from 'graphql';
import { apiError, requestError } from '../../platform/errors';
import { Caller } from '../../platform/caller';
import { OperationLimits } from '../../platform/operation-limits';
import { OperationAnalysis, OperationAnalyzer } from '../analysis/operation-analyzer';
import { gatewayMessages } from '../messages/catalogue';
import { needText } from './access-policy';
import { SchemaDescriptions } from '../../platform/language/schema-descriptions';
import { Language } from '../../platform/language/language';

export interface GatewayContext {
  caller: Caller;
  /** The answer's language: introspection is described in it. */
  language?: Language;
  /** The operation's analysis, made once it is resolved and before it is planned. */
  analysis?: OperationAnalysis;
}

/**
 * Apollo Gateway with the supergraph's access directives enforced, as Apollo Router would: each
 * operation is analysed before planning (caps, cost, page sizes), cut down to what the caller may
 * read, and introspection anywhere in it is answered from the caller's scoped schema. The
 * analyzer follows supergraph reloads.
 */
export class AuthorizingGateway implements GatewayInterface {
  private analyzer: OperationAnalyzer | null = null;

  constructor(
    private readonly gateway: ApolloGateway,
    limits: OperationLimits,
    /** The schema described in French, for callers answered in French. */
    frenchDescriptions: SchemaDescriptions = {},
  ) {
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => {
      this.analyzer = new OperationAnalyzer(apiSchema, coreSupergraphSdl, limits, frenchDescriptions);
    });
  }

  /** Whether a supergraph is loaded (readiness). */
  get loaded(): boolean {
    return this.analyzer !== null;
  }

  onSchemaLoadOrUpdate(...args: Parameters<ApolloGateway['onSchemaLoadOrUpdate']>) {
    return this.gateway.onSchemaLoadOrUpdate(...args);
  }

  stop(): Promise<void> {
    return this.gateway.stop();
  }

  async load(options: Parameters<ApolloGateway['load']>[0]) {
    const { executor } = await this.gateway.load(options);
    return { executor: this.authorizing(executor) };
  }

  /** Analyses each operation as soon as it is resolved: one over a cap is refused there (HTTP 400), before planning. */
  analysisPlugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ contextValue, document, operation, queryHash, request }) => {
          if (!operation) return;
          contextValue.analysis = this.loadedAnalyzer().analyze({
            queryHash,
            document,
            operation,
            variables: request.variables,
            caller: contextValue.caller,
          });
        },
      }),
    };
  }

  private loadedAnalyzer(): OperationAnalyzer {
    if (!this.analyzer) throw new Error('the gateway has no supergraph loaded');
    return this.analyzer;
  }

  private authorizing(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext: GatewayGraphQLRequestContext) => {
      const context = requestContext.context as GatewayContext;
      const { analysis } = context;
      if (!requestContext.operation || !analysis) {
        const name = requestContext.operationName ?? requestContext.request.operationName;
        const message = name
          ? gatewayMessages.text('operation.unknown', { name })
          : gatewayMessages.text('operation.ambiguous');
        return { errors: [requestError('OPERATION_RESOLUTION_FAILURE', message)] };
      }
      if (analysis.introspection) {
        if (!analysis.onlyMetaFields) {
          return {
            errors: [apiError('BAD_USER_INPUT', gatewayMessages.text('introspection.mixed'))],
          };
        }
        return execute({
          schema: this.loadedAnalyzer().scopedSchemas.for(context.caller, context.language),
          document: requestContext.document,
          operationName: requestContext.operationName,
          variableValues: requestContext.request.variables,
        });
      }
      if (analysis.removed.length === 0) return executor(requestContext);
      const result = await executor({
        ...requestContext,
        document: analysis.document,
        operation: analysis.document.definitions[0] as OperationDefinitionNode,
        // Query plans are cached by this hash, so the cut-down operation needs its own.
        queryHash: analysis.executedHash,
      });
      const forbidden = analysis.removed.map(({ path, typeName, fieldName, needs }) =>
        apiError(
          'FORBIDDEN',
          gatewayMessages.text('field.forbidden', {
            typeName,
            fieldName,
            // Each in words: "scope case:read", "scope a + b or scope c", "a signed-in caller".
            needs: needs
              .map(needText)
              .reduce((first, second) => gatewayMessages.text('need.both', { first, second })),
          }),
          {},
          path,
        ),
      );
      return { ...result, errors: [...forbidden, ...(result.errors ?? [])] };
    };
  }
}
