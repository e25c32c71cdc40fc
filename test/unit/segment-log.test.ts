import fc from 'fast-check';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { hostname } from 'node:os';
import path from 'node:path';
import { comparePositions, SegmentLog } from '../../gateway/audit/outbox/segment-log';

/**
 * The audit outbox's log: what it acknowledged survives a crash at any byte, is read back whole
 * and in order, and nothing it did not acknowledge comes back.
 */
let dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'one-window-outbox-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  dirs = [];
});

/** Reads and marks shipped everything from the shipped mark on, `batchBytes` at a time. */
async function drain(log: SegmentLog, batchBytes: number, keepMark = true): Promise<string[]> {
  const texts: string[] = [];
  let at = log.shipped;
  while (comparePositions(at, log.end) < 0) {
    const { start, records } = await log.read(at, batchBytes);
    texts.push(...records.map((record) => record.text));
    at = records.at(-1)?.end ?? start;
    if (keepMark) await log.markShipped(at);
  }
  return texts;
}

const lastSegment = (dir: string) =>
  path.join(
    dir,
    readdirSync(dir)
      .filter((name) => name.endsWith('.log'))
      .sort()
      .at(-1)!,
  );

describe('the audit outbox log', () => {
  it('reads back what it appended, in order, across segments, and deletes segments once shipped', async () => {
    const dir = freshDir();
    const log = await SegmentLog.open(dir, 200);
    const texts = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({ requestId: `r-${i}`, note: 'é'.repeat(i) }),
    );
    for (let i = 0; i < texts.length; i += 3) await log.append(texts.slice(i, i + 3));
    expect(readdirSync(dir).filter((name) => name.endsWith('.log')).length).toBeGreaterThan(3);
    expect(await drain(log, 100)).toEqual(texts);
    expect(readdirSync(dir).filter((name) => name.endsWith('.log'))).toHaveLength(1);
    expect(log.unshippedBytes).toBe(0);
    await log.close();
  });

  it('cuts away a torn last record after a crash and appends after the last whole one', async () => {
    const dir = freshDir();
    const log = await SegmentLog.open(dir);
    await log.append(['{"n":1}', '{"n":2}']);
    const durable = log.end;
    // The crash: the lock is left behind by a process that is gone, and half a record was written.
    appendFileSync(lastSegment(dir), '0badc0de {"n":');
    await log.close();
    writeFileSync(path.join(dir, 'lock'), `${hostname()} 999999999`);
    const reopened = await SegmentLog.open(dir);
    expect(reopened.end).toEqual(durable);
    await reopened.append(['{"n":3}']);
    expect(await drain(reopened, 1_000)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    await reopened.close();
  });

  it('treats a record that fails its checksum as the end of what was written', async () => {
    const dir = freshDir();
    const log = await SegmentLog.open(dir);
    await log.append(['{"n":1}']);
    await log.close();
    appendFileSync(lastSegment(dir), '00000000 {"n":2}\n');
    const reopened = await SegmentLog.open(dir);
    expect(await drain(reopened, 1_000)).toEqual(['{"n":1}']);
    await reopened.close();
  });

  it('reads everything again from the oldest segment when its shipped mark is lost or garbled', async () => {
    const dir = freshDir();
    const log = await SegmentLog.open(dir);
    await log.append(['{"n":1}', '{"n":2}']);
    await drain(log, 1_000);
    await log.close();
    writeFileSync(path.join(dir, 'shipped.json'), '{"segment":');
    const reopened = await SegmentLog.open(dir);
    expect(await drain(reopened, 1_000)).toEqual(['{"n":1}', '{"n":2}']);
    await reopened.close();
  });

  it('refuses a second writer on the same directory', async () => {
    const dir = freshDir();
    const log = await SegmentLog.open(dir);
    await expect(SegmentLog.open(dir)).rejects.toThrow(/already in use/);
    await log.close();
    writeFileSync(path.join(dir, 'lock'), `${hostname()} ${process.ppid}`);
    await expect(SegmentLog.open(dir)).rejects.toThrow(/in use by process/);
    // A process on another host sharing the volume cannot be checked from here: its lock holds.
    writeFileSync(path.join(dir, 'lock'), 'another-host 999999999');
    await expect(SegmentLog.open(dir)).rejects.toThrow(/on another-host/);
  });

  it('delivers every acknowledged record, once in order after its last mark, through any sequence of crashes', async () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('append' as const),
        sizes: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 5 }),
      }),
      fc.record({ kind: fc.constant('ship' as const), bytes: fc.integer({ min: 1, max: 400 }) }),
      // A crash while a group was being written: some of its bytes reached the disk, unacknowledged.
      fc.record({
        kind: fc.constant('crash' as const),
        tornBytes: fc.integer({ min: 0, max: 60 }),
        loseMark: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 64, max: 512 }),
        async (steps, segmentBytes) => {
          const dir = freshDir();
          let log = await SegmentLog.open(dir, segmentBytes);
          const acknowledged: string[] = [];
          const delivered: string[] = [];
          let counter = 0;
          for (const action of steps) {
            if (action.kind === 'append') {
              const texts = action.sizes.map((size) =>
                JSON.stringify({ n: counter++, pad: 'x'.repeat(size) }),
              );
              await log.append(texts);
              acknowledged.push(...texts);
            } else if (action.kind === 'ship') {
              delivered.push(...(await drain(log, action.bytes)));
            } else {
              await log.close();
              const torn =
                `${'f'.repeat(8)} ${JSON.stringify({ n: counter++, unacknowledged: true })}\n`.slice(
                  0,
                  action.tornBytes,
                );
              appendFileSync(lastSegment(dir), torn);
              if (action.loseMark) rmSync(path.join(dir, 'shipped.json'), { force: true });
              log = await SegmentLog.open(dir, segmentBytes);
            }
          }
          delivered.push(...(await drain(log, 256)));
          await log.close();
          // Again after a lost mark, never out of order, never one that was not acknowledged.
          const firsts = delivered.filter((text, i) => delivered.indexOf(text) === i);
          expect(firsts).toEqual(acknowledged);
          expect(delivered.every((text) => !text.includes('unacknowledged'))).toBe(true);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 150 },
    );
  });
});
