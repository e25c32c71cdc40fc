import fc from 'fast-check';
import { groupCommit } from '../../gateway/audit/group-commit';

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

describe('group commit of audit records', () => {
  it('writes a lone record at once, without waiting for a batch to fill', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(write, () => 1, { maxInFlight: 1, maxWeight: 100 });
    const done = commit(7);
    expect(batches.map((batch) => batch.items)).toEqual([[7]]);
    batches[0].finish();
    await expect(done).resolves.toBeUndefined();
  });

  it('sends records that arrive during a write together in the next one, each settling with its own batch', async () => {
    const { batches, write } = controlledWrite();
    const commit = groupCommit(write, () => 1, { maxInFlight: 1, maxWeight: 100 });
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
    const commit = groupCommit(write, () => 1, { maxInFlight: 1, maxWeight: 100 });
    const first = commit(1);
    const second = [commit(2), commit(3)];
    batches[0].finish(new Error('audit down'));
    await expect(first).rejects.toThrow('audit down');
    await settled();
    batches[1].finish();
    await expect(Promise.all(second)).resolves.toEqual([undefined, undefined]);
  });

  it('whatever the arrivals, weights and outcomes: every record is written exactly once, in order, within the limits, and each promise settles as its batch did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 60, maxLength: 60 }),
        async (weights, failures, maxInFlight, maxWeight, arrivalsBetween) => {
          const { batches, write } = controlledWrite();
          let inFlight = 0;
          let mostInFlight = 0;
          const counted = (items: number[]) => {
            inFlight += 1;
            mostInFlight = Math.max(mostInFlight, inFlight);
            return write(items).finally(() => (inFlight -= 1));
          };
          const commit = groupCommit(counted, (index) => weights[index], { maxInFlight, maxWeight });
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
            if (batch.items.length > 1) expect(weight).toBeLessThanOrEqual(maxWeight);
            for (const index of batch.items)
              expect(outcomes.get(index)).toBe(failures[position % failures.length] ? 'failed' : 'ok');
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
