import { signingKeyFromPem } from '../../platform/caller-header';
import { CALLER_HEADER } from '../../platform/caller-header';
import { signedCallers } from '../signed-callers';

/**
 * Hive Gateway's configuration in the benchmark (`hive-gateway supergraph … -c` this file): one
 * small plugin that forwards the signed caller every One Window subgraph requires. It reads the
 * bearer token without verifying it, as Hive Gateway here does no token checks and writes no audit.
 */
const subgraphByUrl = JSON.parse(process.env.BENCH_SUBGRAPH_BY_URL ?? '{}') as Record<string, string>;
const signed = signingKeyFromPem(process.env.ONE_WINDOW_CALLER_SIGNING_KEY ?? '').then(signedCallers);

interface FetchPayload {
  url: string;
  options: { headers?: Record<string, string> };
  setOptions: (options: FetchPayload['options']) => void;
  executionRequest?: { operationType?: string };
  context: { request?: { headers: Headers } };
}

export const gatewayConfig = {
  plugins: () => [
    {
      async onFetch({ url, options, setOptions, executionRequest, context }: FetchPayload) {
        const subgraph = subgraphByUrl[url];
        const authorization = context.request?.headers.get('authorization');
        if (!subgraph || !authorization) return;
        const operation = executionRequest?.operationType === 'mutation' ? 'mutation' : 'query';
        const header = await (await signed)(authorization, subgraph, operation);
        setOptions({ ...options, headers: { ...options.headers, [CALLER_HEADER]: header } });
      },
    },
  ],
};
