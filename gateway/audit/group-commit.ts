/**
 * Group commit: items written while earlier writes are in flight wait and go together in the
 * next write, so under load many requests share one call and one transaction, and alone a
 * request's item goes at once (no waiting for a batch to fill). Each caller's promise settles
 * with its own batch: resolved once that batch is written, rejected if that batch fails.
 *
 * Bounded everywhere: a batch by its items, their weight (files) and their bytes (the body that
 * carries them); the queue by its items and bytes, past which an item is refused at once; and
 * each item's wait, past which it is dropped unwritten and refused. A refused item was never
 * sent, so its caller knows for certain that nothing of it was written.
 */
export interface GroupCommitLimits {
  /** Writes in flight at once; a slow one does not hold every request behind it. */
  maxInFlight: number;
  /** The largest batch by items, by weight and by bytes; an item over a bound by itself goes alone. */
  maxItems: number;
  maxWeight: number;
  maxBytes: number;
  /** Items and bytes waiting at most; past either, a new item is refused (BacklogRefusal 'full'). */
  maxQueued: number;
  maxQueuedBytes: number;
  /**
   * How long an item may wait for its write to start before it is refused (BacklogRefusal
   * 'deadline'); an item given a shorter wait of its own (its request's deadline) waits that.
   */
  maxWaitMs: number;
  /** Items of a lane (Measure.lane) waiting at most, so one kind of caller cannot take the whole queue. */
  laneCaps?: Readonly<Record<string, number>>;
}

/** What an item weighs in a batch: its weight (files) and its bytes. */
export interface Measure {
  weight: number;
  bytes: number;
  /** Which kind of caller the item is for, where some kinds have a cap of their own. */
  lane?: string;
}

const REFUSALS = {
  full: 'the write queue is full',
  deadline: 'not written within its deadline',
  behind: 'the audit trail is too far behind',
};

/**
 * An item refused before it was written: the queue was full, its wait passed its deadline, or
 * (the outbox) the trail has fallen too far behind what has been answered.
 */
export class BacklogRefusal extends Error {
  constructor(readonly reason: keyof typeof REFUSALS) {
    super(REFUSALS[reason]);
  }
}

interface Waiting<Item> extends Measure {
  item: Item;
  settle: (error?: Error) => void;
  timer: NodeJS.Timeout;
}

export function groupCommit<Item>(
  write: (batch: Item[]) => Promise<void>,
  measure: (item: Item) => Measure,
  limits: GroupCommitLimits,
): (item: Item, waitMs?: number) => Promise<void> {
  const queue: Waiting<Item>[] = [];
  let queuedBytes = 0;
  let inFlight = 0;
  const queuedInLane = new Map<string, number>();
  const leaveQueue = (waiting: Waiting<Item>) => {
    clearTimeout(waiting.timer);
    queuedBytes -= waiting.bytes;
    if (waiting.lane !== undefined) queuedInLane.set(waiting.lane, queuedInLane.get(waiting.lane)! - 1);
  };

  const take = (count: number): Waiting<Item>[] => {
    const batch = queue.splice(0, count);
    batch.forEach(leaveQueue);
    return batch;
  };

  const next = (): Waiting<Item>[] => {
    let weight = 0;
    let bytes = 0;
    let count = 0;
    while (count < queue.length) {
      const { weight: itemWeight, bytes: itemBytes } = queue[count];
      const fits =
        count < limits.maxItems &&
        weight + itemWeight <= limits.maxWeight &&
        bytes + itemBytes <= limits.maxBytes;
      if (count > 0 && !fits) break;
      weight += itemWeight;
      bytes += itemBytes;
      count += 1;
    }
    return take(count);
  };

  const flush = () => {
    while (inFlight < limits.maxInFlight && queue.length > 0) {
      const batch = next();
      inFlight += 1;
      write(batch.map((waiting) => waiting.item))
        .then(
          () => batch.forEach((waiting) => waiting.settle()),
          (error: unknown) =>
            batch.forEach((waiting) =>
              waiting.settle(error instanceof Error ? error : new Error(String(error))),
            ),
        )
        .finally(() => {
          inFlight -= 1;
          flush();
        });
    }
  };

  return (item, waitMs = limits.maxWaitMs) =>
    new Promise<void>((resolve, reject) => {
      if (waitMs <= 0) {
        reject(new BacklogRefusal('deadline'));
        return;
      }
      const { weight, bytes, lane } = measure(item);
      const laneCap = lane === undefined ? undefined : limits.laneCaps?.[lane];
      // An item larger than the byte bound still goes when nothing waits (the largest read the limits allow).
      if (
        queue.length >= limits.maxQueued ||
        (queue.length > 0 && queuedBytes + bytes > limits.maxQueuedBytes) ||
        (laneCap !== undefined && (queuedInLane.get(lane!) ?? 0) >= laneCap)
      ) {
        reject(new BacklogRefusal('full'));
        return;
      }
      const waiting: Waiting<Item> = {
        item,
        weight,
        bytes,
        lane,
        settle: (error) => (error ? reject(error) : resolve()),
        timer: setTimeout(
          () => {
            const position = queue.indexOf(waiting);
            if (position < 0) return;
            queue.splice(position, 1);
            leaveQueue(waiting);
            reject(new BacklogRefusal('deadline'));
          },
          Math.min(limits.maxWaitMs, waitMs),
        ),
      };
      queue.push(waiting);
      queuedBytes += bytes;
      if (lane !== undefined) queuedInLane.set(lane, (queuedInLane.get(lane) ?? 0) + 1);
      flush();
    });
}
