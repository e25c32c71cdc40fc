import { createHash } from 'node:crypto';
import { Database, Queryable } from './database';

export interface Migration {
  /** Sortable and never renamed once shipped, e.g. `001_initial`. */
  id: string;
  sql: string;
}

/** Any fixed number: every process migrating the same store takes this one lock. */
const MIGRATION_LOCK = 1_060_0001;

export class MigrationChanged extends Error {}

export function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

/**
 * Applies, in order and each in its own transaction, the migrations this store has not seen
 * yet. Each transaction holds an advisory lock, so two replicas starting together apply each
 * migration once; a migration whose text changed after it was applied is refused (ship a new
 * one instead), since the store would no longer match what its file says.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  await db.transaction(async (tx) => {
    await lockStore(tx);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      id text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Stores migrated before checksums were kept get theirs on the next start (from the file as
    // it is then: an edit made before that upgrade cannot be detected). Checked first, since
    // ALTER TABLE needs the table's owner even when it changes nothing.
    const [column] = await tx.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'schema_migration' AND column_name = 'checksum'`,
    );
    if (!column) await tx.query('ALTER TABLE schema_migration ADD COLUMN checksum text');
  });
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    const ran = await db.transaction(async (tx) => {
      await lockStore(tx);
      const checksum = checksumOf(migration);
      const [seen] = await tx.query<{ checksum: string | null }>(
        'SELECT checksum FROM schema_migration WHERE id = $1',
        [migration.id],
      );
      if (seen?.checksum === null) {
        await tx.query('UPDATE schema_migration SET checksum = $2 WHERE id = $1', [migration.id, checksum]);
      } else if (seen && seen.checksum !== checksum) {
        throw new MigrationChanged(
          `migration ${migration.id} was changed after it was applied to this store; add a new migration instead`,
        );
      }
      if (seen) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migration (id, checksum) VALUES ($1, $2)', [migration.id, checksum]);
      return true;
    });
    if (ran) applied.push(migration.id);
  }
  return applied;
}

/** Held until the transaction ends; taken by migrations and by the first seeding alike. */
export const lockStore = (tx: Queryable) => tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);

/** Migrations are plain DDL without functions or quoted semicolons, so splitting on `;` is safe. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
