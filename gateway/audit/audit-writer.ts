import { AccessEvent } from '../../platform/access-event';
import { internalClient } from '../../platform/internal-client';
import { Metrics } from '../../platform/observability/metrics';
import { CallGuard } from '../../platform/resilience/call-guard';
import { groupCommit } from './group-commit';

export type AuditWriter = (event: AccessEvent) => Promise<void>;

/** Signs one audit write for exactly these requests' records. */
export type AuditSigner = (requestIds: string[]) => Promise<string>;

const RECORD = 'mutation RecordAccess($events: [AccessEventInput!]!) { recordAccess(events: $events) }';

/**
 * One write at a time: every record that arrives while it is in flight goes in the next one, so
 * under load batches grow with the load (a request waits at most one write for its batch), and
 * alone a record goes at once. A batch's weight is its files (and one for the event): it bounds
 * the audit service's body and statement; a request alone above it (a large caseload) still goes.
 */
const BATCH_LIMITS = { maxInFlight: 1, maxWeight: 2_000 };

/**
 * Writes each request's access through the audit subgraph, which owns the trail. Concurrent
 * requests' events are committed together (group commit): one signed call and one transaction
 * per batch, and each request's promise settles only when its own batch is stored. Throws unless
 * the audit service confirms every file stored. A write goes through the audit service's guard
 * (time-out and breaker; never retried: its signature is single-use) and is timed.
 */
export function auditWriter(
  auditServiceUrl: string,
  guard: CallGuard,
  metrics: Metrics,
  sign: AuditSigner,
): AuditWriter {
  return groupCommit(
    async (events: AccessEvent[]) => {
      const end = metrics.auditWriteDuration.startTimer();
      const files = events.reduce((sum, event) => sum + event.files.length, 0);
      try {
        const header = await sign(events.map((event) => event.requestId));
        const { recordAccess } = await internalClient(
          auditServiceUrl,
          header,
          'the audit service',
          guard,
        )<{ recordAccess: number }>(RECORD, { events });
        if (recordAccess !== files)
          throw new Error(`the audit service stored ${recordAccess} of ${files} files`);
        end({ outcome: 'ok' });
      } catch (error) {
        end({ outcome: 'failed' });
        metrics.auditWriteFailures.inc();
        throw error;
      }
    },
    (event) => 1 + event.files.length,
    BATCH_LIMITS,
  );
}
