import { Pool, PoolClient, types } from 'pg';
import { Database, DATE_TYPE_OID, Queryable } from './database';

types.setTypeParser(DATE_TYPE_OID, (value: string) => value);
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

/** A PostgreSQL server, used when a connection URL is configured. */
export async function openPostgres(connectionString: string, maxConnections = 10): Promise<Database> {
  const pool = new Pool({ connectionString, max: maxConnections });
  await pool.query('SELECT 1');
  const asQueryable = (target: Pool | PoolClient): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await target.query(sql, params ? [...params] : undefined);
      return result.rows as Row[];
    },
  });
  return {
    ...asQueryable(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
