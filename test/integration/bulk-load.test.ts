import fc from 'fast-check';
import { withoutKeysAndIndexes } from '../../subgraphs/kit/db/bulk-load';
import { copyRows } from '../../subgraphs/kit/db/copy-rows';
import { Database } from '../../subgraphs/kit/db/database';
import { openTestDatabase } from '../fixtures/postgres';

/** How seeding writes a million clients in minutes: COPY, with keys and indexes built once after. */
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase('bulk-load', { size: 2, statementTimeoutMs: 0, connectTimeoutMs: 5_000 });
  await db.exec(`
    CREATE TABLE parent (id text PRIMARY KEY, note text, details jsonb);
    CREATE TABLE child (id bigint PRIMARY KEY, parent_id text NOT NULL REFERENCES parent (id), at date, UNIQUE (parent_id, at));
    CREATE INDEX child_at_idx ON child (at DESC) WHERE at IS NOT NULL`);
});
afterAll(() => db.close());

/** Every key, constraint and index of the two tables, as PostgreSQL describes them. */
const schema = () =>
  db.query<{ definition: string }>(
    `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid IN ('parent'::regclass, 'child'::regclass)
     UNION ALL SELECT indexdef FROM pg_indexes WHERE tablename IN ('parent', 'child') ORDER BY 1`,
  );

describe('bulk loading', () => {
  it('writes any text through COPY exactly as given: tabs, line breaks, backslashes, quotes, unicode, nulls and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.option(fc.string({ unit: 'binary-ascii' }))),
        async (ids, notes) => {
          const rows = ids.map((id, index) => ({
            id: id.replace(/\0/g, ''),
            note: notes[index] === undefined ? null : (notes[index]?.replace(/\0/g, '') ?? null),
            details: { id, list: [1, '\t\\n'] },
          }));
          const unique = [...new Map(rows.filter((row) => row.id).map((row) => [row.id, row])).values()];
          const stored = await db.transaction(async (tx) => {
            await tx.query('DELETE FROM child');
            await tx.query('DELETE FROM parent');
            await copyRows(tx, 'parent', ['id', 'note', 'details'], unique);
            return tx.query<{ id: string; note: string | null; details: unknown }>(
              'SELECT id, note, details FROM parent',
            );
          });
          const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
          expect([...stored].sort(byId)).toEqual([...unique].sort(byId));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('puts back every key, unique rule, foreign key and index it took off, exactly as they were', async () => {
    const before = await schema();
    await db.transaction((tx) =>
      withoutKeysAndIndexes(tx, async () => {
        await tx.query('DELETE FROM child');
        await tx.query('DELETE FROM parent');
        await copyRows(tx, 'parent', ['id'], [{ id: 'p1' }, { id: 'p2' }]);
        await copyRows(
          tx,
          'child',
          ['id', 'parent_id', 'at'],
          [
            { id: 1, parent_id: 'p1', at: '2026-01-01' },
            { id: 2, parent_id: 'p2', at: null },
          ],
        );
      }),
    );
    expect(await schema()).toEqual(before);
  });

  it('leaves the tables as they were when a loaded row breaks a rule that comes back at the end', async () => {
    const before = await schema();
    const [{ rows: held }] = await db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM child');
    const load = (child: Record<string, unknown>) =>
      db.transaction((tx) =>
        withoutKeysAndIndexes(tx, () => copyRows(tx, 'child', ['id', 'parent_id', 'at'], [child])),
      );
    await expect(load({ id: 10, parent_id: 'no such parent', at: null })).rejects.toThrow(/foreign key/);
    await expect(load({ id: 1, parent_id: 'p1', at: null })).rejects.toThrow(/duplicate key|unique/);
    expect(await schema()).toEqual(before);
    const [{ rows }] = await db.query<{ rows: number }>('SELECT count(*)::int AS rows FROM child');
    expect(rows).toBe(held);
  });
});
