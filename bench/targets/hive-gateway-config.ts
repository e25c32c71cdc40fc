import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signingKeyFromPem } from '../../platform/caller-header';
import { CALLER_HEADER } from '../../platform/caller-header';
import { PROJECT_ROOT } from '../../platform/supergraph-config';
import { PersistedQueryManifest } from '../../platform/trusted-documents';
import { signedCallers } from '../signed-callers';

/**
 * Hive Gateway's configuration in the benchmark (`hive-gateway supergraph … -c` this file): one
 * small plugin that forwards the signed caller every One Window subgraph requires, and the
 * partners' registered documents, which it is sent by hash as One Window is. It reads the bearer
 * token without verifying it, as Hive Gateway here does no token checks and writes no audit.
 */
const subgraphByUrl = JSON.parse(process.env.BENCH_SUBGRAPH_BY_URL ?? '{}') as Record<string, string>;
const MANIFESTS = path.join(PROJECT_ROOT, 'documents', 'manifests');
const registered = new Map(
  readdirSync(MANIFESTS)
    .filter((file) => file.endsWith('.json'))
    .flatMap(
      (file) =>
        (JSON.parse(readFileSync(path.join(MANIFESTS, file), 'utf8')) as PersistedQueryManifest).operations,
    )
    .map((operation): [string, string] => [operation.id, operation.body]),
);
const signed = signingKeyFromPem(process.env.ONE_WINDOW_CALLER_SIGNING_KEY ?? '').then(signedCallers);

interface FetchPayload {
  url: string;
  options: { headers?: Record<string, string> };
  setOptions: (options: FetchPayload['options']) => void;
  executionRequest?: { operationType?: string };
  context: { request?: { headers: Headers } };
}

export const gatewayConfig = {
  // Apollo's `extensions.persistedQuery.sha256Hash` is one of the keys its custom store reads.
  persistedDocuments: {
    getPersistedOperation: (key: string) => registered.get(key) ?? null,
    allowArbitraryDocuments: true,
  },
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
