import { Database } from './database';

export interface Migration {
  /** Sortable and never renamed once shipped, e.g. `001_initial`. */
  id: string;
  sql: string;
}

/** Applies, in order and each in its own transaction, the migrations this store has not seen yet. */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    id text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied = new Set(
    (await db.query<{ id: string }>('SELECT id FROM schema_migration')).map((row) => row.id),
  );
  const pending = [...migrations].sort((a, b) => a.id.localeCompare(b.id)).filter((m) => !applied.has(m.id));
  for (const migration of pending) {
    await db.transaction(async (tx) => {
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migration (id) VALUES ($1)', [migration.id]);
    });
  }
  return pending.map((m) => m.id);
}

/** Migrations are plain DDL without functions or quoted semicolons, so splitting on `;` is safe. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
