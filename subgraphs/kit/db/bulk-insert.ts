import { Queryable } from './database';

export type ColumnTypes = Record<string, string>;

/**
 * Inserts many rows in one statement and one parameter: the rows travel as a JSON array and
 * `jsonb_to_recordset` unpacks them, which avoids PostgreSQL's 65,535-parameter limit and runs
 * unchanged on PGlite and on a server. Returns how many rows were inserted: with `ignore`, rows
 * that conflicted with existing ones are not counted.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: ColumnTypes,
  rows: readonly object[],
  options: { onConflict?: 'ignore' } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const [{ inserted }] = await db.query<{ inserted: number }>(
    `WITH written AS (${insertFromJson(table, columns, 1, options)})
     SELECT count(*)::int AS inserted FROM written`,
    [JSON.stringify(rows)],
  );
  return inserted;
}

/**
 * The INSERT … RETURNING 1 that bulkInsert runs, taking its rows from parameter `$n`: for a
 * statement that writes several tables at once (one round trip, atomic without a transaction).
 */
export function insertFromJson(
  table: string,
  columns: ColumnTypes,
  parameter: number,
  options: { onConflict?: 'ignore' } = {},
): string {
  const names = Object.keys(columns);
  const recordType = names.map((name) => `${name} ${columns[name]}`).join(', ');
  return `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($${parameter}::jsonb) AS r(${recordType})
       ${options.onConflict === 'ignore' ? 'ON CONFLICT DO NOTHING' : ''}
       RETURNING 1`;
}
