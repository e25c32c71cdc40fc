import { Queryable } from './database';

export type ColumnTypes = Record<string, string>;

/**
 * Inserts many rows in one statement and one parameter: the rows travel as a JSON array and
 * `jsonb_to_recordset` unpacks them, which avoids PostgreSQL's 65,535-parameter limit and runs
 * unchanged on PGlite and on a server.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: ColumnTypes,
  rows: readonly object[],
  options: { onConflict?: 'ignore' } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const recordType = names.map((name) => `${name} ${columns[name]}`).join(', ');
  await db.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})
     ${options.onConflict === 'ignore' ? 'ON CONFLICT DO NOTHING' : ''}`,
    [JSON.stringify(rows)],
  );
}
