import fc from 'fast-check';
import { BacklogRefusal, groupCommit, GroupCommitLimits } from '../../gateway/audit/group-commit';

/** A write that the test finishes by hand, recording every batch it was given. */
function controlledWrite() {
  const batches: { items: number[]; finish: (error?: Error) => void }[] = [];
  const write = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push({ items, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { batches, write };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

/** Bounds that never bind unless a test sets them. */
const limits = (bounds: Partial<GroupCommitLimits>): GroupCommitLimits => ({
  maxInFlight: 1,
  maxItems: 1_000,
  maxWeight: 100,
  maxBytes: 1e9,
  maxQueued: 1_000,
  maxQueuedBytes: 1e9,
  maxWaitMs: 60_000,
  ...bounds,
});
const one = () => ({ weight: 1, bytes: 1 });

describe('group commit of audit records', () => {
  it('writes a lone record at once, without waiting for a batch to fill', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(write, one, limits({}));
    const done = commit(7);
    expect(batches.map((batch) => batch.items)).toEqual([[7]]);
    batches[0].finish();
    await expect(done).resolves.toBeUndefined();
  });

  it('sends records that arrive during a write together in the next one, each settling with its own batch', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(write, one, limits({}));
    const first = commit(1);
    const later = [commit(2), commit(3), commit(4)];
    let laterDone = false;
    void Promise.all(later).then(() => (laterDone = true));
    expect(batches).toHaveLength(1);
    batches[0].finish();
    await first;
    await settled();
    expect(laterDone).toBe(false);
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
    batches[1].finish();
    await Promise.all(later);
  });

  it('fails only the requests of the batch that failed: their answers are withheld, the others are served', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(write, one, limits({}));
    const first = commit(1);
    const second = [commit(2), commit(3)];
    batches[0].finish(new Error('audit down'));
    await expect(first).rejects.toThrow('audit down');
    await settled();
    batches[1].finish();
    await expect(Promise.all(second)).resolves.toEqual([undefined, undefined]);
  });

  it('refuses a record at once, unsent, when the queue holds its most records or bytes', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(
      write,
      (item: number) => ({ weight: 1, bytes: item }),
      limits({ maxQueued: 3, maxQueuedBytes: 10 }),
    );
    const first = commit(1);
    const queued = [commit(2), commit(3)];
    // Waiting: 2 + 3 bytes; 6 more would make 11.
    await expect(commit(6)).rejects.toEqual(new BacklogRefusal('full'));
    queued.push(commit(4));
    // Waiting: three records.
    await expect(commit(1)).rejects.toEqual(new BacklogRefusal('full'));
    batches[0].finish();
    await first;
    await settled();
    batches[1].finish();
    await Promise.all(queued);
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
  });

  it('refuses at once, unsent, a record of a lane that holds its cap, and takes others', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(
      write,
      (item: number) => ({ weight: 1, bytes: 1, lane: item < 10 ? 'anonymous' : undefined }),
      limits({ laneCaps: { anonymous: 1 } }),
    );
    const first = commit(1);
    const queued = [commit(2), commit(10), commit(11)];
    await expect(commit(3)).rejects.toEqual(new BacklogRefusal('full'));
    batches[0].finish();
    await first;
    await settled();
    // Once the lane's record has gone, the lane has room again.
    queued.push(commit(4));
    batches[1].finish();
    await settled();
    batches[2].finish();
    await Promise.all(queued);
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 10, 11], [4]]);
  });

  it('refuses, unsent, a record whose write has not started within its deadline', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(write, one, limits({ maxWaitMs: 20 }));
    const first = commit(1);
    const late = commit(2);
    await expect(late).rejects.toEqual(new BacklogRefusal('deadline'));
    batches[0].finish();
    await first;
    await settled();
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);
  });

  it('whatever the arrivals, weights and outcomes: every record is written exactly once, in order, within the limits, and each promise settles as its batch did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 120 }),
        async (weights, failures, maxInFlight, maxWeight, arrivalsBetween, maxItems, maxBytes) => {
          // Bytes vary independently of weights.
          const bytesOf = (index: number) => 1 + ((index * 37) % 41);
          const { batches, write } = controlledWrite();
          let inFlight = 0;
          let mostInFlight = 0;
          const counted = (items: number[]) => {
            inFlight += 1;
            mostInFlight = Math.max(mostInFlight, inFlight);
            return write(items).finally(() => (inFlight -= 1));
          };
          const commit = groupCommit(
            counted,
            (index: number) => ({ weight: weights[index], bytes: bytesOf(index) }),
            limits({ maxInFlight, maxWeight, maxItems, maxBytes }),
          );
          const outcomes = new Map<number, 'ok' | 'failed'>();
          const promises = weights.map((_, index) => index);
          const all: Promise<void>[] = [];
          let finished = 0;
          for (const index of promises) {
            all.push(
              commit(index).then(
                () => void outcomes.set(index, 'ok'),
                () => void outcomes.set(index, 'failed'),
              ),
            );
            // Finish some writes between arrivals, in the order they were sent.
            for (let step = 0; step < arrivalsBetween[index] && finished < batches.length; step += 1) {
              batches[finished].finish(failures[finished] ? new Error('down') : undefined);
              finished += 1;
              await settled();
            }
          }
          while (finished < batches.length || outcomes.size < weights.length) {
            if (finished < batches.length) {
              batches[finished].finish(failures[finished % failures.length] ? new Error('down') : undefined);
              finished += 1;
            }
            await settled();
          }
          await Promise.all(all);
          const written = batches.flatMap((batch) => batch.items);
          expect(written).toEqual(promises);
          expect(mostInFlight).toBeLessThanOrEqual(maxInFlight);
          batches.forEach((batch, position) => {
            const weight = batch.items.reduce((sum, index) => sum + weights[index], 0);
            const bytes = batch.items.reduce((sum, index) => sum + bytesOf(index), 0);
            if (batch.items.length > 1) {
              expect(weight).toBeLessThanOrEqual(maxWeight);
              expect(bytes).toBeLessThanOrEqual(maxBytes);
              expect(batch.items.length).toBeLessThanOrEqual(maxItems);
            }
            for (const index of batch.items)
              expect(outcomes.get(index)).toBe(failures[position % failures.length] ? 'failed' : 'ok');
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
