import { Queryable } from './database';

interface Definition {
  table: string;
  name: string;
  definition: string;
}

/** The kit's own bookkeeping tables, which seeding does not fill. */
const KIT_TABLES = ['schema_migration', 'seed_run'];

/**
 * Runs a bulk load (`work`) on the store's tables with their keys and indexes taken off, then
 * puts them back, as pg_restore does: building an index once over loaded rows, and checking a
 * foreign key once with a join, costs a fraction of maintaining both row by row. Everything
 * happens in the caller's transaction, so a failed load (a duplicate key, a dangling reference,
 * found when the constraint comes back) leaves the store as it was.
 */
export async function withoutKeysAndIndexes<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  // Ordinary tables of this schema only: partitioned tables keep theirs (their indexes are per partition).
  const tables = `SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace
    AND relkind = 'r' AND NOT relispartition AND relname <> ALL($1)`;
  const foreignKeys = await tx.query<Definition>(
    `SELECT conrelid::regclass::text AS table, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND conrelid IN (${tables}) ORDER BY conname`,
    [KIT_TABLES],
  );
  const keys = await tx.query<Definition>(
    `SELECT conrelid::regclass::text AS table, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid IN (${tables}) ORDER BY contype, conname`,
    [KIT_TABLES],
  );
  const indexes = await tx.query<Definition>(
    `SELECT indrelid::regclass::text AS table, indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
     FROM pg_index WHERE indrelid IN (${tables})
       AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid) ORDER BY 2`,
    [KIT_TABLES],
  );
  for (const key of [...foreignKeys, ...keys])
    await tx.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
  const result = await work();
  await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const key of keys)
    await tx.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  for (const index of indexes) await tx.query(index.definition);
  for (const key of foreignKeys)
    await tx.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
  return result;
}
