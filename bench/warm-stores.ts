import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { databaseName } from '../platform/store/embedded-postgres';

/**
 * Loads the stores into PostgreSQL's shared buffers before anything is measured (pg_prewarm):
 * the state of a server that has served for a while, whatever the population's size, instead of
 * a first read of each page. Indexes first, then tables; of the audit trail, only this month's
 * and last month's partitions, which are what a serving trail keeps warm. Returns the pages read.
 */
export async function warmStores(dataDir: string, port: number, names: readonly string[]): Promise<number> {
  const password = readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
  let pages = 0;
  for (const name of names) {
    const client = new Client(
      `postgres://one_window:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName(name)}`,
    );
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
      const { rows } = await client.query<{ pages: string | null }>(
        `SELECT sum(pg_prewarm(c.oid)) AS pages FROM (
           SELECT oid, relkind FROM pg_class
           WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i')
             AND (relname NOT LIKE 'access_event%'
               OR relname ~ ('_y' || to_char(now(), 'YYYY"m"MM') || '(_|$)')
               OR relname ~ ('_y' || to_char(now() - interval '1 month', 'YYYY"m"MM') || '(_|$)'))
           ORDER BY relkind DESC, oid
         ) c`,
      );
      pages += Number(rows[0].pages ?? 0);
    } finally {
      await client.end();
    }
  }
  return pages;
}
