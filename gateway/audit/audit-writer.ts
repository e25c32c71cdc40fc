import { AccessEvent } from '../../platform/access-event';
import { internalClient } from '../../platform/internal-client';

export type AuditWriter = (event: AccessEvent, callerHeader: string) => Promise<void>;

const RECORD = 'mutation RecordAccess($event: AccessEventInput!) { recordAccess(event: $event) }';

/** Writes one request's access through the audit subgraph, which owns the trail; throws unless it confirms every file stored. */
export function auditWriter(auditServiceUrl: string): AuditWriter {
  return async (event, callerHeader) => {
    const { recordAccess } = await internalClient(
      auditServiceUrl,
      callerHeader,
      'the audit service',
    )<{ recordAccess: number }>(RECORD, { event });
    if (recordAccess !== event.files.length)
      throw new Error(`the audit service stored ${recordAccess} of ${event.files.length} files`);
  };
}
