import { AccessEvent } from '../../platform/access-event';
import { internalClient } from '../../platform/internal-client';
import { Metrics } from '../../platform/observability/metrics';
import { CallGuard } from '../../platform/resilience/call-guard';
import { remainingMs } from '../../platform/resilience/deadline';
import { currentRequest, inRequestRecord } from '../../platform/observability/request-record';
import { BacklogRefusal, groupCommit, GroupCommitLimits, Measure } from './group-commit';

export type AuditWriter = (event: AccessEvent) => Promise<void>;

/** Signs one audit write for exactly these requests' records. */
export type AuditSigner = (requestIds: string[]) => Promise<string>;

const RECORD = 'mutation RecordAccess($events: [AccessEventInput!]!) { recordAccess(events: $events) }';

/**
 * One write at a time: every record that arrives while it is in flight goes in the next one, so
 * under load batches grow with the load, and alone a record goes at once. A batch holds at most
 * 500 requests, 2,000 files (and one for each event: the statement's size) and 1 MiB of records
 * (the body); a request alone above them (a large caseload) still goes, by itself. At most 10,000
 * records (64 MiB) wait; past that a request is refused at once, and one whose record has not
 * started its write within 3 s, or by its request's deadline, is refused too: either way its
 * answer is withheld (503 AUDIT_UNAVAILABLE) and nothing of it was written.
 */
export const AUDIT_QUEUE_LIMITS: GroupCommitLimits = {
  maxInFlight: 1,
  maxItems: 500,
  maxWeight: 2_000,
  maxBytes: 1024 * 1024,
  maxQueued: 10_000,
  maxQueuedBytes: 64 * 1024 * 1024,
  maxWaitMs: 3_000,
  // Callers without a token may fill a fifth of the queue: however many addresses they come from,
  // signed-in callers' reads keep the rest.
  laneCaps: { anonymous: 2_000 },
};

/** How long past its request's deadline a record may still start its write. */
const AUDIT_GRACE_MS = 1_000;

/** An event's size in the request body, estimated from its parts without serializing it. */
export function measureEvent(event: AccessEvent): Measure {
  const text = (values: readonly (string | null)[]) =>
    values.reduce((sum, value) => sum + (value ? Buffer.byteLength(value) : 0) + 3, 0);
  const bytes =
    EVENT_OVERHEAD_BYTES +
    text([event.readerSubject, event.readerClientId, event.operationName, ...event.readerScopes]) +
    text(event.deliveredFields) +
    text(event.refusedFields) +
    event.files.length * FILE_BYTES;
  return {
    weight: 1 + event.files.length,
    bytes,
    lane: laneOf(event),
  };
}

/** Callers without a token have a lane of their own in the audit queues (AUDIT_QUEUE_LIMITS.laneCaps). */
export const laneOf = (event: AccessEvent) => (event.readerRole === 'anonymous' ? 'anonymous' : undefined);

/** Field names, the ids, the hash and the time, as JSON. */
const EVENT_OVERHEAD_BYTES = 400;
/** `{"clientUci":"12-3456-7890","outcome":"DENIED","fieldsShown":"DELIVERED"},` */
const FILE_BYTES = 80;

/** Stores a batch of requests' records in the audit trail, or throws; nothing else is promised. */
export type AuditBatchSender = (events: AccessEvent[]) => Promise<void>;

/**
 * Sends a batch of records through the audit subgraph, which owns the trail: one signed call and
 * one transaction. Throws unless the audit service confirms every file stored (newly, or already
 * by an earlier send of the same request: the outbox sends again after a crash). A send goes
 * through the audit service's guard (time-out and breaker; never retried: its signature is
 * single-use) and is timed.
 */
export function auditBatchSender(
  auditServiceUrl: string,
  guard: CallGuard,
  metrics: Metrics,
  sign: AuditSigner,
): AuditBatchSender {
  // A batch holds many requests' records: it is bounded by the audit write's own time-out, not
  // by the deadline of whichever request's arrival happened to start it.
  return (events) =>
    inRequestRecord({ logger: currentRequest().logger }, async () => {
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
          throw new Error(`the audit service holds ${recordAccess} of ${files} files`);
        end({ outcome: 'ok' });
      } catch (error) {
        end({ outcome: 'failed' });
        metrics.auditWriteFailures.inc();
        throw error;
      }
    });
}

/**
 * The direct path: each request's record is stored in the audit trail before its answer leaves.
 * Concurrent requests' records are committed together (group commit), and each request's promise
 * settles only when its own batch is stored.
 */
export function auditWriter(
  send: AuditBatchSender,
  metrics: Metrics,
  /** The audit subgraph's body limit: a batch of several records stays well inside it. */
  maxBodyBytes = Infinity,
): AuditWriter {
  const commit = groupCommit(send, measureEvent, {
    ...AUDIT_QUEUE_LIMITS,
    maxBytes: Math.min(AUDIT_QUEUE_LIMITS.maxBytes, Math.floor(maxBodyBytes / 2)),
  });
  return withinDeadline(commit, metrics);
}

/**
 * A record whose write has not started by its request's deadline (or a second after, so that an
 * answer made at its deadline is still recorded) is dropped unwritten; refusals are counted.
 */
export function withinDeadline<Item>(
  commit: (item: Item, waitMs: number) => Promise<void>,
  metrics: Metrics,
): (item: Item) => Promise<void> {
  return (item) =>
    commit(item, Math.max(remainingMs(), AUDIT_GRACE_MS)).catch((error: unknown) => {
      if (error instanceof BacklogRefusal) metrics.auditBacklogRefusals.inc({ reason: error.reason });
      throw error;
    });
}
