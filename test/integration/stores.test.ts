import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { loadDefinition } from '../../subgraphs/kit/load-definition';
import { readSupergraphConfig } from '../../platform/supergraph-config';
import { Database } from '../../subgraphs/kit/db/database';
import { createTestDatabase, openTestDatabase } from '../fixtures/postgres';
import { checksumOf, migrate, MigrationChanged } from '../../subgraphs/kit/db/migrations';
import { openPostgres } from '../../subgraphs/kit/db/postgres-database';
import { personAt, uciAt } from '../../subgraphs/kit/seed/population';
import { prepareStore } from '../../subgraphs/kit/store';

const SEED = { seed: 7, clients: 200 };
const subgraphs = readSupergraphConfig().subgraphs.map((s) => s.name);
/** The audit trail starts empty: it records only what One Window itself served. */
const startsEmpty = (name: string) => name === 'audit';

async function tableDigests(db: Database): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schema_migration', 'seed_run') ORDER BY 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await db.query(`SELECT * FROM ${name} ORDER BY 1, 2`);
    digests[name] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
  }
  return digests;
}

describe.each(subgraphs)('the %s store', (name) => {
  const definition = loadDefinition(name);

  it('is created, migrated and seeded on first run, and left alone on the next', async () => {
    const db = await openTestDatabase(name);
    await prepareStore(definition, db, SEED);
    const before = await tableDigests(db);
    await prepareStore(definition, db, SEED);
    expect(await tableDigests(db)).toEqual(before);
    const filled = Object.values(before).filter((digest) => !digest.startsWith('0:')).length;
    if (startsEmpty(name)) expect(filled).toBe(0);
    else expect(filled).toBeGreaterThan(0);
    await db.close();
  });

  it('leaves nothing behind when seeding fails part way', async () => {
    const db = await openTestDatabase(name);
    const failing = {
      ...definition,
      seed: async (...args: Parameters<typeof definition.seed>) => {
        await definition.seed(...args);
        throw new Error('disk full');
      },
    };
    await expect(prepareStore(failing, db, SEED)).rejects.toThrow('disk full');
    expect(Object.values(await tableDigests(db)).every((digest) => digest.startsWith('0:'))).toBe(true);
    await db.close();
  });
});

describe.each(subgraphs.filter((name) => !startsEmpty(name)))('the %s seed', (name) => {
  const definition = loadDefinition(name);

  it('is seeded with identical data from the same seed, and different data from another', async () => {
    const [a, b, c] = await Promise.all([
      openTestDatabase(name),
      openTestDatabase(name),
      openTestDatabase(name),
    ]);
    await prepareStore(definition, a, SEED);
    await prepareStore(definition, b, SEED);
    await prepareStore(definition, c, { ...SEED, seed: 8 });
    expect(await tableDigests(a)).toEqual(await tableDigests(b));
    expect(await tableDigests(a)).not.toEqual(await tableDigests(c));
    await Promise.all([a.close(), b.close(), c.close()]);
  });
});

describe('the seed population', () => {
  it("gives every client a distinct UCI, the README's two included", () => {
    const ucis = new Set(Array.from({ length: 100_000 }, (_, i) => uciAt(i)));
    expect(ucis.size).toBe(100_000);
    expect(uciAt(0)).toBe('1234-5678');
    expect(uciAt(1)).toBe('12-3456-7890');
  });

  it('gives representative REP-000001 a caseload of more than 50 active clients', () => {
    const people = Array.from({ length: 500 }, (_, i) => personAt(20240507, i, 500));
    const active = people.filter(
      (p) => p.representation?.representativeId === 'REP-000001' && !p.representation.cancelledOn,
    );
    expect(active.length).toBeGreaterThan(50);
  });
});

describe('migrations', () => {
  const first = { id: '001_people', sql: 'CREATE TABLE person (id int PRIMARY KEY)' };
  const second = { id: '002_names', sql: 'ALTER TABLE person ADD COLUMN name text' };

  it('apply each migration once when several replicas start on the same store together', async () => {
    const created = await createTestDatabase('replicas');
    const replicas = await Promise.all(Array.from({ length: 4 }, () => openPostgres(created.url)));
    const applied = await Promise.all(replicas.map((db) => migrate(db, [first, second])));
    expect(applied.flat().sort()).toEqual(['001_people', '002_names']);
    const [{ count }] = await replicas[0].query<{ count: number }>(
      'SELECT count(*)::int AS count FROM schema_migration',
    );
    expect(count).toBe(2);
    await Promise.all(replicas.map((db) => db.close()));
    await created.drop();
  });

  it('seed an empty store once when several replicas start on it together', async () => {
    const created = await createTestDatabase('seed-replicas');
    const replicas = await Promise.all(Array.from({ length: 3 }, () => openPostgres(created.url)));
    const definition = loadDefinition('ircc-case');
    const runs = await Promise.all(replicas.map((db) => prepareStore(definition, db, SEED)));
    expect(runs).toEqual([SEED, SEED, SEED]);
    const [{ count }] = await replicas[0].query<{ count: number }>(
      'SELECT count(*)::int AS count FROM seed_run',
    );
    expect(count).toBe(1);
    await Promise.all(replicas.map((db) => db.close()));
    await created.drop();
  });

  it('refuse a migration whose text changed after it was applied, and apply nothing after it', async () => {
    const db = await openTestDatabase('edited');
    await migrate(db, [first]);
    const edited = { ...first, sql: 'CREATE TABLE person (id bigint PRIMARY KEY)' };
    await expect(migrate(db, [edited, second])).rejects.toBeInstanceOf(MigrationChanged);
    const columns = await db.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'person' ORDER BY 1",
    );
    expect(columns).toEqual([{ column_name: 'id' }]);
    await db.close();
  });

  it('keep the checksum of migrations applied before checksums were kept, and hold them to it', async () => {
    const db = await openTestDatabase('legacy');
    await db.exec(
      `CREATE TABLE schema_migration (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
       CREATE TABLE person (id int PRIMARY KEY);
       INSERT INTO schema_migration (id) VALUES ('001_people')`,
    );
    expect(await migrate(db, [first, second])).toEqual(['002_names']);
    const [row] = await db.query<{ checksum: string }>(
      "SELECT checksum FROM schema_migration WHERE id = '001_people'",
    );
    expect(row.checksum).toBe(checksumOf(first));
    await expect(migrate(db, [{ ...first, sql: first.sql + ' ' }, second])).rejects.toBeInstanceOf(
      MigrationChanged,
    );
    await db.close();
  });
});
