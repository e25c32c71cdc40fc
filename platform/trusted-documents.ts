import { createHash } from 'node:crypto';

/** Apollo's persisted-query manifest format, one file per partner OAuth client. */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export interface ManifestOperation {
  /** SHA-256 (hex) of `body`: what a client sends as `extensions.persistedQuery.sha256Hash`. */
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** The part of a GraphQL request that names the document to run. */
export interface DocumentRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

export function documentHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
