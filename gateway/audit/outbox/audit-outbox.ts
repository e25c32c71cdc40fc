import { AccessEvent } from '../../../platform/access-event';
import { Logger } from '../../../platform/observability/logger';
import { Metrics } from '../../../platform/observability/metrics';
import { inRequestRecord } from '../../../platform/observability/request-record';
import { AUDIT_QUEUE_LIMITS, AuditBatchSender, AuditWriter, laneOf, withinDeadline } from '../audit-writer';
import { BacklogRefusal, groupCommit } from '../group-commit';
import { comparePositions, LogPosition, SegmentLog } from './segment-log';

export interface OutboxSettings {
  /** The outbox's own directory, on a disk that outlives the process (one per gateway). */
  dir: string;
  /**
   * How far the trail may fall behind what has been answered: past this age of the oldest
   * record not yet shipped, answers are withheld (503 AUDIT_UNAVAILABLE) until it catches up.
   */
  maxLagMs: number;
  /** Bytes of records not yet shipped past which answers are withheld likewise. */
  maxBacklogBytes: number;
}

export interface AuditOutbox {
  /** Appends a request's record durably; resolves once it is on disk, before it is shipped. */
  write: AuditWriter;
  /** Resolves once every record appended before the call is in the audit trail. */
  shipped(): Promise<void>;
  /** Stops taking records, ships what it can within `graceMs`, and closes; the rest ships at the next start. */
  close(graceMs: number): Promise<void>;
}

/** The call around a shipment's records: the mutation's text and the JSON that carries them. */
const SHIPMENT_ENVELOPE_BYTES = 16 * 1024;

/** Waits between failed shipments: from 100 ms, doubling, at most 5 s. */
const RETRY_MS = { first: 100, most: 5_000 };

interface Item {
  event: AccessEvent;
  text: string;
}

/**
 * The audit write off the critical path. A request's record is appended to a local log and made
 * durable with the records of every request that arrived meanwhile (one fdatasync for the group),
 * and its answer leaves then. A shipper drains the log into the audit trail in batches, one at a
 * time, and marks what the trail holds; after a crash the next start ships the rest again, and
 * the trail stores each request once (its id is the key). Bounded: when the oldest record not yet
 * shipped is older than `maxLagMs`, or the backlog larger than `maxBacklogBytes`, new answers are
 * withheld, so what the access log shows is never further behind than that.
 */
export async function openAuditOutbox(
  settings: OutboxSettings,
  send: AuditBatchSender,
  metrics: Metrics,
  logger: Logger,
  /** The audit subgraph's body limit: a shipment stays well inside it. */
  maxBodyBytes = Infinity,
): Promise<AuditOutbox> {
  const log = await SegmentLog.open(settings.dir);
  const shipBytes = Math.min(AUDIT_QUEUE_LIMITS.maxBytes, Math.floor(maxBodyBytes / 2));
  // A record the trail's body limit would refuse could never ship, and would hold up every record
  // behind it: it is refused when it is written, and only its own answer is withheld.
  const largestRecord = maxBodyBytes - SHIPMENT_ENVELOPE_BYTES;
  // When each group of records was appended, oldest first: the lag is the age of the oldest
  // unshipped. What a crash left unshipped dates from its oldest record, not from this start.
  const appended: { end: LogPosition; at: number }[] = [];
  if (log.unshippedBytes > 0) {
    const { records } = await log.read(log.shipped, shipBytes);
    const first = records[0];
    const oldest = first ? Date.parse((JSON.parse(first.text) as AccessEvent).occurredAt) : NaN;
    appended.push({ end: log.end, at: Number.isFinite(oldest) ? Math.min(oldest, Date.now()) : Date.now() });
  }
  const waiters: { until: LogPosition; resolve: () => void }[] = [];
  let shipping: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;
  let accepting = true;
  let closed = false;

  const lagMs = () => (appended.length > 0 ? Date.now() - appended[0].at : 0);
  const report = () => {
    metrics.auditOutboxLag.set(lagMs() / 1000);
    metrics.auditOutboxBacklog.set(log.unshippedBytes);
  };
  const gauges = setInterval(report, 1_000).unref();

  const markShipped = async (position: LogPosition) => {
    await log.markShipped(position);
    while (appended.length > 0 && comparePositions(appended[0].end, position) <= 0) appended.shift();
    for (let i = waiters.length - 1; i >= 0; i -= 1)
      if (comparePositions(waiters[i].until, position) <= 0) waiters.splice(i, 1)[0].resolve();
    report();
  };

  /** The next shipment: whole records from the shipped mark, within the batch bounds. */
  const nextBatch = async () => {
    const { start, records } = await log.read(log.shipped, shipBytes);
    const events: AccessEvent[] = [];
    let files = 0;
    let end = start;
    for (const record of records) {
      const event = JSON.parse(record.text) as AccessEvent;
      const fits =
        events.length < AUDIT_QUEUE_LIMITS.maxItems &&
        files + event.files.length <= AUDIT_QUEUE_LIMITS.maxWeight;
      if (events.length > 0 && !fits) break;
      events.push(event);
      files += event.files.length;
      end = record.end;
    }
    return { events, end };
  };

  const shipAll = async () => {
    try {
      while (!closed && comparePositions(log.shipped, log.end) < 0) {
        const { events, end } = await nextBatch();
        // Reading may step over the end of a segment with nothing left in it.
        if (events.length > 0) await send(events);
        await markShipped(end);
        failures = 0;
      }
    } catch (error) {
      failures += 1;
      logger.warn(
        { reason: error instanceof Error ? error.message : String(error), failures, lagMs: lagMs() },
        'audit outbox could not ship; retrying',
      );
      if (!closed)
        retry = setTimeout(
          () => {
            retry = undefined;
            wake();
          },
          Math.min(RETRY_MS.most, RETRY_MS.first * 2 ** (failures - 1)),
        );
    }
  };

  function wake(): void {
    if (shipping || retry || closed) return;
    shipping = inRequestRecord({ logger }, shipAll).finally(() => {
      shipping = undefined;
      // Records appended while the last shipment was on its way.
      if (!retry && comparePositions(log.shipped, log.end) < 0) wake();
    });
  }

  const commit = groupCommit(
    async (items: Item[]) => {
      const at = Date.now();
      const end = await log.append(items.map((item) => item.text));
      appended.push({ end, at });
      wake();
    },
    (item: Item) => ({ weight: 1, bytes: Buffer.byteLength(item.text), lane: laneOf(item.event) }),
    // One append in flight; a group is bounded by its bytes, not by the trail's batch bounds.
    {
      ...AUDIT_QUEUE_LIMITS,
      maxItems: AUDIT_QUEUE_LIMITS.maxQueued,
      maxWeight: Infinity,
      maxBytes: 8 * 1024 * 1024,
    },
  );
  const append = withinDeadline(commit, metrics);

  const shipped = (): Promise<void> =>
    comparePositions(log.shipped, log.end) >= 0
      ? Promise.resolve()
      : new Promise((resolve) => waiters.push({ until: log.end, resolve }));

  wake();
  return {
    shipped,
    write: async (event) => {
      if (!accepting || lagMs() > settings.maxLagMs || log.unshippedBytes > settings.maxBacklogBytes) {
        metrics.auditBacklogRefusals.inc({ reason: 'behind' });
        throw new BacklogRefusal('behind');
      }
      const text = JSON.stringify(event);
      if (Buffer.byteLength(text) > largestRecord)
        throw new Error('the access record is larger than the audit trail takes');
      await append({ event, text });
    },
    async close(graceMs) {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([shipped(), grace]);
      clearTimeout(timer);
      closed = true;
      clearTimeout(retry);
      clearInterval(gauges);
      await shipping;
      await log.close();
    },
  };
}
