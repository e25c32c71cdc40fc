import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, PoolClient, types } from 'pg';
import { from as copyStream } from 'pg-copy-streams';
import { Database, DATE_TYPE_OID, Queryable } from './database';
import { DeadlinePassed, remainingMs } from '../../../platform/resilience/deadline';

types.setTypeParser(DATE_TYPE_OID, (value: string) => value);
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

export interface PoolSettings {
  /** Connections held at most; requests beyond wait for one. */
  size: number;
  /** The server cancels a statement running longer (0: no limit, for seeding). */
  statementTimeoutMs: number;
  /** Waiting longer for a connection (server down, pool exhausted) fails the query. */
  connectTimeoutMs: number;
  /**
   * The URL reaches PostgreSQL through a pooler in transaction mode (PgBouncer), which may hand
   * each transaction to a different server connection: nothing may then outlive a transaction.
   * Statements are prepared unnamed (parsed with each execution, in the same round trip) rather
   * than named once per connection; a deadline's time-out is SET LOCAL inside a transaction of
   * its own; and the pool's own time-out is not sent at connection (PgBouncer refuses the
   * parameter), so it belongs on the role: `ALTER ROLE … SET statement_timeout = '1500ms'`.
   */
  transactionPooler?: boolean;
}

/** Statements stop before the gateway's 2 s time-out gives up on them: no work outlives its caller by much. */
export const SERVING_POOL: PoolSettings = { size: 10, statementTimeoutMs: 1_500, connectTimeoutMs: 1_000 };

/**
 * Each connection prepares a statement the first time it runs it and afterwards only binds and
 * executes it: the server parses and analyses it once per connection, not on every call. Our
 * statements are a fixed set of texts; past this many distinct ones (a bug building texts with
 * values in them) statements run unprepared, so the server's memory stays bounded.
 */
const MAX_PREPARED = 500;
const prepared = new Map<string, string>();

function preparedName(sql: string): string | undefined {
  let name = prepared.get(sql);
  if (!name && prepared.size < MAX_PREPARED) {
    name = `ow_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    prepared.set(sql, name);
  }
  return name;
}

/** SQLSTATE 57014: a statement stopped by its time-out (or a cancel). */
const QUERY_CANCELED = '57014';

/** What a statement stopped by the time-out set from the deadline becomes: not a fault of the store's. */
function deadlineOrError(error: unknown): unknown {
  return (error as { code?: unknown }).code === QUERY_CANCELED ? new DeadlinePassed() : error;
}

/**
 * Runs `work` on a connection of its own whose statement time-out is what is left of the request,
 * so PostgreSQL itself stops the statement when the caller stops waiting; the connection's own
 * time-out is put back before anyone else gets it (a connection that cannot be put back is closed).
 * No second connection is needed to cancel it, and nothing can cancel another request's statement.
 * Behind a transaction pooler the time-out is the transaction's own (SET LOCAL), as a session's
 * setting would stay behind on a server connection others then get.
 */
async function untilDeadline<T>(
  pool: Pool,
  transactionPooler: boolean,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    const left = remainingMs();
    if (left <= 0) throw new DeadlinePassed();
    const timeout = Math.max(1, Math.ceil(left));
    if (transactionPooler) {
      await client.query(`BEGIN; SET LOCAL statement_timeout = ${timeout}`);
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw deadlineOrError(error);
      }
    }
    await client.query(`SET statement_timeout = ${timeout}`);
    try {
      return await work(client);
    } catch (error) {
      throw deadlineOrError(error);
    } finally {
      await client.query('RESET statement_timeout').catch(() => (broken = true));
    }
  } finally {
    client.release(broken);
  }
}

/** A PostgreSQL server: the embedded one `npm start` runs, or any other by URL. */
export async function openPostgres(
  connectionString: string,
  settings: PoolSettings = SERVING_POOL,
  onError: (error: Error) => void = (error) => console.error(`[store] ${error.message}`),
): Promise<Database> {
  const pool = new Pool({
    connectionString,
    max: settings.size,
    statement_timeout: (!settings.transactionPooler && settings.statementTimeoutMs) || undefined,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'one-window',
  });
  // An idle connection the server drops (restart, failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on('error', onError);
  await pool.query('SELECT 1');
  const statement = (sql: string, params?: readonly unknown[]) => {
    const name = params && !settings.transactionPooler ? preparedName(sql) : undefined;
    return name
      ? { name, text: sql, values: [...params!] }
      : { text: sql, values: params ? [...params] : undefined };
  };
  const asQueryable = (target: Pool | PoolClient): Queryable => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const left = remainingMs();
      if (left <= 0) throw new DeadlinePassed();
      // The server's statement_timeout already stops a statement sooner than the request's deadline.
      if (target !== pool || left >= (settings.statementTimeoutMs || Infinity))
        return (await target.query(statement(sql, params))).rows as Row[];
      return (
        await untilDeadline(pool, settings.transactionPooler === true, (client) =>
          client.query(statement(sql, params)),
        )
      ).rows as Row[];
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
        // Behind a pooler the pool's time-out cannot be set at connection: a pool without one
        // (migrations, seeding) says so in each transaction, over the role's.
        if (settings.transactionPooler && !settings.statementTimeoutMs)
          await client.query('SET LOCAL statement_timeout = 0');
        const result = await work({
          ...asQueryable(client),
          copyFrom: (table, columns, text) =>
            pipeline(
              Readable.from([text]),
              client.query(copyStream(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
            ),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
