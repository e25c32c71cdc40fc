import { ApolloGateway } from '@apollo/gateway';
import { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { createHash } from 'node:crypto';
import { DocumentNode, execute, GraphQLError, GraphQLSchema, Kind, print } from 'graphql';
import { Caller } from '../../subgraphs/kit/access/caller';
import { AccessPolicy } from './access-policy';
import { authorizeOperation } from './operation-filter';
import { ScopedSchemas } from './scoped-schema';

export interface GatewayContext {
  caller: Caller;
  /** The operation as run after unauthorized fields were removed (what the audit records). */
  executedDocument?: DocumentNode;
}

/**
 * Apollo Gateway with the supergraph's access directives enforced, as Apollo Router would: each
 * operation is cut down to what the caller may read before it is planned, and introspection
 * answers from the caller's scoped schema. Policy and schemas follow supergraph reloads.
 */
export class AuthorizingGateway implements GatewayInterface {
  private policy: AccessPolicy | null = null;
  private scoped: ScopedSchemas | null = null;

  constructor(private readonly gateway: ApolloGateway) {
    gateway.onSchemaLoadOrUpdate(({ apiSchema, coreSupergraphSdl }) => this.adopt(apiSchema, coreSupergraphSdl));
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

  private adopt(apiSchema: GraphQLSchema, supergraphSdl: string): void {
    this.policy = AccessPolicy.fromSupergraph(supergraphSdl);
    this.scoped = new ScopedSchemas(apiSchema, this.policy);
  }

  private authorizing(executor: GatewayExecutor): GatewayExecutor {
    return async (requestContext: GatewayGraphQLRequestContext) => {
      const context = requestContext.context as GatewayContext;
      const { caller } = context;
      const { policy, scoped } = this;
      if (!policy || !scoped) throw new Error('the gateway has no supergraph loaded');
      if (!requestContext.operation) {
        const name = requestContext.operationName ?? requestContext.request.operationName;
        const message = name ? `Unknown operation named "${name}".` : 'The document holds several operations; say which to run with operationName.';
        return { errors: [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } })] };
      }
      const rootFields = requestContext.operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : ''));
      if (rootFields.some((name) => name === '__schema' || name === '__type')) {
        if (!rootFields.every((name) => name.startsWith('__'))) {
          return { errors: [new GraphQLError('Introspection cannot be combined with other fields in one operation.', { extensions: { code: 'BAD_USER_INPUT' } })] };
        }
        return execute({
          schema: scoped.for(caller),
          document: requestContext.document,
          operationName: requestContext.operationName,
          variableValues: requestContext.request.variables,
        });
      }
      const authorized = authorizeOperation(requestContext.schema, requestContext.document, requestContext.operation, policy, caller);
      context.executedDocument = authorized.document;
      if (authorized.errors.length === 0) return executor(requestContext);
      const [operation] = authorized.document.definitions;
      const result = await executor({
        ...requestContext,
        document: authorized.document,
        operation: operation as typeof requestContext.operation,
        // Query plans are cached by this hash, so the cut-down operation needs its own.
        queryHash: createHash('sha256').update(print(authorized.document)).digest('hex'),
      });
      return { ...result, errors: [...authorized.errors, ...(result.errors ?? [])] };
    };
  }
}
