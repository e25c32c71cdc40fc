/**
 * Group commit: items written while earlier writes are in flight wait and go together in the
 * next write, so under load many requests share one call and one transaction, and alone a
 * request's item goes at once (no waiting for a batch to fill). Each caller's promise settles
 * with its own batch: resolved once that batch is written, rejected if that batch fails.
 */
export interface GroupCommitLimits {
  /** Writes in flight at once; a slow one does not hold every request behind it. */
  maxInFlight: number;
  /** The largest batch, by the weight of its items; an item heavier than this goes alone. */
  maxWeight: number;
}

interface Waiting<Item> {
  item: Item;
  weight: number;
  settle: (error?: Error) => void;
}

export function groupCommit<Item>(
  write: (batch: Item[]) => Promise<void>,
  weigh: (item: Item) => number,
  limits: GroupCommitLimits,
): (item: Item) => Promise<void> {
  const queue: Waiting<Item>[] = [];
  let inFlight = 0;

  const next = (): Waiting<Item>[] => {
    let weight = 0;
    let count = 0;
    while (count < queue.length && (count === 0 || weight + queue[count].weight <= limits.maxWeight)) {
      weight += queue[count].weight;
      count += 1;
    }
    return queue.splice(0, count);
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

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, weight: weigh(item), settle: (error) => (error ? reject(error) : resolve()) });
      flush();
    });
}
