import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { apiError } from '../../platform/errors';
import { gatewayMessages } from '../messages/catalogue';

/**
 * When a subgraph cannot be reached, the fields it owns come back null with one error that
 * names the service, and the rest of the query still answers: a CBSA outage must not hide a
 * client's IRCC file.
 */
export class SubgraphUnavailable extends RemoteGraphQLDataSource {
  private readonly serviceName: string;

  constructor(config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0] & { name: string }) {
    super(config);
    this.serviceName = config.name;
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // process() throws only when no GraphQL answer came back (refused, timed out, non-2xx);
      // errors inside an answer arrive as data and pass through with their own codes.
      console.error(`[gateway] subgraph ${this.serviceName} failed:`, (error as Error).message);
      throw apiError(
        'SUBGRAPH_UNAVAILABLE',
        gatewayMessages.text('subgraph.unavailable', { service: this.serviceName }),
        {
          serviceName: this.serviceName,
        },
      );
    }
  }
}
