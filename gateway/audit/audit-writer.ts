import { CALLER_HEADER } from '../../subgraphs/kit/access/caller-header';

export interface AccessRecordInput {
  requestId: string;
  clientUci: string;
  occurredAt: string;
  readerSubject: string | null;
  readerRole: string;
  readerClientId: string | null;
  readerScopes: string[];
  outcome: 'READ' | 'DENIED';
  fields: string[];
  operationName: string | null;
  operationHash: string;
}

export type AuditWriter = (records: AccessRecordInput[], callerHeader: string) => Promise<void>;

const RECORD = 'mutation RecordAccess($records: [AccessRecordInput!]!) { recordAccess(records: $records) }';

/** Writes records through the audit subgraph, which owns the trail; throws unless it confirms. */
export function auditWriter(auditServiceUrl: string): AuditWriter {
  return async (records, callerHeader) => {
    const response = await fetch(auditServiceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: callerHeader },
      body: JSON.stringify({ query: RECORD, variables: { records } }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: { recordAccess?: number }; errors?: unknown[] };
    if (!response.ok || body.data?.recordAccess !== records.length) {
      throw new Error(`the audit service did not confirm ${records.length} records: HTTP ${response.status} ${JSON.stringify(body.errors ?? [])}`);
    }
  };
}
