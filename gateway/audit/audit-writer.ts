import { AccessEvent } from '../../platform/access-event';
import { internalClient } from '../../platform/internal-client';
import { Metrics } from '../../platform/observability/metrics';
import { CallGuard } from '../../platform/resilience/call-guard';

export type AuditWriter = (event: AccessEvent, callerHeader: string) => Promise<void>;

const RECORD = 'mutation RecordAccess($event: AccessEventInput!) { recordAccess(event: $event) }';

/**
 * Writes one request's access through the audit subgraph, which owns the trail; throws unless it
 * confirms every file stored. The write goes through the audit service's guard (time-out and
 * breaker; a write is never retried: its signature is single-use) and is timed.
 */
export function auditWriter(auditServiceUrl: string, guard: CallGuard, metrics: Metrics): AuditWriter {
  return async (event, callerHeader) => {
    const end = metrics.auditWriteDuration.startTimer();
    try {
      const { recordAccess } = await internalClient(
        auditServiceUrl,
        callerHeader,
        'the audit service',
        guard,
      )<{ recordAccess: number }>(RECORD, { event });
      if (recordAccess !== event.files.length)
        throw new Error(`the audit service stored ${recordAccess} of ${event.files.length} files`);
      end({ outcome: 'ok' });
    } catch (error) {
      end({ outcome: 'failed' });
      metrics.auditWriteFailures.inc();
      throw error;
    }
  };
}
