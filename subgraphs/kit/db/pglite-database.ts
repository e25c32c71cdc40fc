import { PGlite, types } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { Database, DATE_TYPE_OID, Queryable } from './database';

/** The embedded store: PostgreSQL compiled to WebAssembly, persisted in a folder (or in memory). */
export async function openPGlite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', {
    parsers: { [DATE_TYPE_OID]: (value: string) => value, [types.INT8]: (value: string) => Number(value) },
  });
  const asQueryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<Row>(sql, params ? [...params] : undefined);
      return result.rows;
    },
  });
  return {
    ...asQueryable(db),
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (work) => db.transaction((tx) => work(asQueryable(tx))),
    close: () => db.close(),
  };
}
