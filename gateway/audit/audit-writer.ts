import { internalClient } from '../../subgraphs/kit/access/internal-client';

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

/** Writes records through the audit subgraph, which owns the trail; throws unless it confirms them all. */
export function auditWriter(auditServiceUrl: string): AuditWriter {
  return async (records, callerHeader) => {
    const { recordAccess } = await internalClient(auditServiceUrl, callerHeader, 'the audit service')<{ recordAccess: number }>(RECORD, { records });
    if (recordAccess !== records.length) throw new Error(`the audit service confirmed ${recordAccess} of ${records.length} records`);
  };
}
