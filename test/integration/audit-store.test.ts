import 'reflect-metadata';
import fc from 'fast-check';
import { migrations } from '../../subgraphs/audit/migrations';
import { auditStore } from '../../subgraphs/audit/store';
import { Database } from '../../subgraphs/kit/db/database';
import { migrate } from '../../subgraphs/kit/db/migrations';
import { accessEvent, readFile } from '../fixtures/audit-writes';
import { openTestDatabase } from '../fixtures/postgres';

/** The trail's write path: a batch of requests' records is stored whole or not at all. */
let db: Database;
let batchNumber = 0;

beforeAll(async () => {
  db = await openTestDatabase('audit-store');
  await migrate(db, migrations);
});
afterAll(() => db.close());

const counts = async (requestIds: string[]) => {
  const [{ events, files }] = await db.query<{ events: number; files: number }>(
    `SELECT (SELECT count(*)::int FROM access_event WHERE request_id = ANY($1)) AS events,
            (SELECT count(*)::int FROM access_event_file WHERE request_id = ANY($1)) AS files`,
    [requestIds],
  );
  return { events, files };
};

/** A batch of `sizes.length` requests, each reading that many distinct files. */
function batch(sizes: number[]) {
  batchNumber += 1;
  return sizes.map((size, index) =>
    accessEvent(
      `b${batchNumber}-r${index}`,
      Array.from({ length: size }, (_, file) => readFile(`${1000 + file}-${String(index).padStart(4, '0')}`)),
    ),
  );
}

describe('the audit store', () => {
  it('stores every file of every request in a batch, in one statement or over several, and counts each once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 700 }), { minLength: 1, maxLength: 4 }),
        async (sizes) => {
          const events = batch(sizes);
          const total = sizes.reduce((sum, size) => sum + size, 0);
          expect(await auditStore.record(db, events)).toBe(total);
          expect(await counts(events.map((event) => event.requestId))).toEqual({
            events: events.length,
            files: total,
          });
          // The same batch again (sent again after a lost answer or a crash) stores nothing new and
          // confirms every file held.
          expect(await auditStore.record(db, events)).toBe(total);
          expect(await counts(events.map((event) => event.requestId))).toEqual({
            events: events.length,
            files: total,
          });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('stores nothing of a batch in which any one row cannot be written, wherever it is', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        async (sizes, whichEvent, whichFile) => {
          const events = batch(sizes);
          const broken = events[whichEvent % events.length];
          // A file with no client breaks the NOT NULL rule of the trail's table.
          (broken.files[whichFile % broken.files.length] as { clientUci: string | null }).clientUci = null;
          await expect(auditStore.record(db, events)).rejects.toThrow();
          expect(await counts(events.map((event) => event.requestId))).toEqual({ events: 0, files: 0 });
        },
      ),
      { numRuns: 12 },
    );
  });
});
