import { Database } from './db/database';
import { lockStore, migrate, Migration } from './db/migrations';
import { withoutKeysAndIndexes } from './db/bulk-load';
import { SeedOptions, SubgraphDefinition } from './subgraph-definition';

/** The kit's own bookkeeping table, shared by every subgraph's store. */
const KIT_MIGRATIONS: readonly Migration[] = [
  {
    id: '000_kit_seed_run',
    sql: `CREATE TABLE seed_run (
      seed integer NOT NULL,
      clients integer NOT NULL,
      seeded_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];

export interface SeedRun {
  seed: number;
  clients: number;
}

/**
 * Brings a store up to date and, on first run, seeds it. Seeding happens in one transaction
 * with its record in `seed_run`, so an interrupted first start leaves an empty store that the
 * next start seeds again, never half a data set.
 */
export async function prepareStore<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  db: Database,
  seed: SeedOptions,
): Promise<SeedRun> {
  await migrate(db, [...KIT_MIGRATIONS, ...definition.migrations]);
  const existing = await currentSeed(db);
  if (existing) return existing;
  // Under the store's lock, and checked again inside it: replicas starting together on an
  // empty store seed it once.
  const seededHere = await db.transaction(async (tx) => {
    await lockStore(tx);
    const [already] = await tx.query<SeedRun>('SELECT seed, clients FROM seed_run LIMIT 1');
    if (already) return null;
    await withoutKeysAndIndexes(tx, () => definition.seed(tx, seed));
    await tx.query('INSERT INTO seed_run (seed, clients) VALUES ($1, $2)', [seed.seed, seed.clients]);
    return seed;
  });
  if (!seededHere) return (await currentSeed(db))!;
  // Without statistics the planner guesses that a lookup by UCI matches a tenth of a bulk-loaded
  // table and scans all of it (12 s per travel page at a million clients, measured); the embedded
  // store has no autovacuum to gather them, so they are gathered here.
  await db.exec('VACUUM ANALYZE');
  return { seed: seed.seed, clients: seed.clients };
}

export async function currentSeed(db: Database): Promise<SeedRun | null> {
  const rows = await db.query<SeedRun>('SELECT seed, clients FROM seed_run ORDER BY seeded_at DESC LIMIT 1');
  return rows[0] ?? null;
}
