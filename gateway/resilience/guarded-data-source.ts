import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { SpanKind } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { apiError } from '../../platform/errors';
import { Metrics } from '../../platform/observability/metrics';
import { inSpan } from '../../platform/observability/tracing';
import { CallGuard, ServiceFailure } from '../../platform/resilience/call-guard';
import { guardedFetch } from '../../platform/resilience/guarded-fetch';
import { HttpRequestInit } from '../../platform/http/http-fetch';
import { GatewayContext } from '../auth/authorizing-gateway';
import { gatewayMessages } from '../messages/catalogue';

/** The abort signal of the attempt in progress, for the fetcher Apollo calls without one (a fetch outside any attempt gets the time-out alone). */
const attemptSignal = new AsyncLocalStorage<AbortSignal>();

type DataSourceConfig = ConstructorParameters<typeof RemoteGraphQLDataSource>[0] & {
  name: string;
  guard: CallGuard;
  metrics: Metrics;
  log: (line: string) => void;
};

/**
 * A subgraph fetch under the subgraph's guard (time-out, breaker, retries for queries), in a
 * span of its own and timed. When no answer comes, the fields the subgraph owns come back null
 * with one error that names the service and why (extensions.serviceName, extensions.reason), and
 * the rest of the query still answers: a CBSA outage must not hide a client's IRCC file. Errors
 * inside an answer pass through with their own codes.
 */
export class GuardedDataSource extends RemoteGraphQLDataSource {
  private readonly serviceName: string;
  private readonly guard: CallGuard;
  private readonly metrics: Metrics;
  private readonly log: (line: string) => void;

  constructor(config: DataSourceConfig) {
    const { name } = config;
    super({
      ...config,
      // Kept-alive node:http connections (platform/http/http-fetch.ts), under the subgraph's guard.
      fetcher: ((url: string, init: HttpRequestInit) =>
        guardedFetch(
          name,
          url,
          init,
          attemptSignal.getStore() ?? AbortSignal.timeout(config.guard.settings.timeoutMs),
        )) as unknown as typeof fetch,
    });
    this.serviceName = name;
    this.guard = config.guard;
    this.metrics = config.metrics;
    this.log = config.log;
  }

  override async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const kind = (options.context as Partial<GatewayContext>).analysis?.operationType ?? 'query';
    const subgraph = this.serviceName;
    const end = this.metrics.subgraphFetchDuration.startTimer({ subgraph });
    try {
      const answer = await inSpan(
        `fetch ${subgraph}`,
        SpanKind.CLIENT,
        { 'one_window.subgraph': subgraph },
        () =>
          this.guard.run(kind, (signal) =>
            attemptSignal.run(signal, () =>
              super.process(options).catch((error: unknown) => {
                throw this.classify(error);
              }),
            ),
          ),
      );
      end({ outcome: 'ok' });
      return answer;
    } catch (error) {
      const failure = error as ServiceFailure;
      end({ outcome: failure.reason });
      this.log(`subgraph ${subgraph} gave no answer (${failure.reason}): ${failure.message}`);
      throw apiError(
        'SUBGRAPH_UNAVAILABLE',
        gatewayMessages.text('subgraph.unavailable', { service: subgraph }),
        {
          serviceName: subgraph,
          reason: failure.reason,
        },
      );
    }
  }

  /** A status Apollo refused (4xx) or a body that is not a GraphQL answer. */
  private classify(error: unknown): Error {
    if (error instanceof ServiceFailure || (error as Error).name === 'AbortError') return error as Error;
    const status = (error as { extensions?: { response?: { status?: number } } }).extensions?.response
      ?.status;
    return status && status < 500
      ? new ServiceFailure('refused', `${this.serviceName} refused the request (HTTP ${status})`)
      : new ServiceFailure('bad-response', `${this.serviceName} answered with no GraphQL response`);
  }
}
