import { Database, Queryable } from './database';

export interface ReadReplica {
  /** Where a request that writes nothing reads: the replica while it is current enough, else the primary. */
  reads: Queryable;
  /** Milliseconds the replica was behind at the last check; Infinity while it is not used. */
  lagMs: () => number;
  /** Checks the replica now (and every `checkEveryMs` until stopped). */
  check: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * How far behind a replica is: 0 when it has replayed all it received, else the age of its last
 * replayed commit; and whether it is receiving at all (a replica cut off from its primary has
 * replayed all it received, and falls behind unseen). Reading pg_stat_wal_receiver's status takes
 * the pg_monitor role.
 */
const LAG = `SELECT pg_is_in_recovery() AS replica,
  coalesce((SELECT status = 'streaming' FROM pg_stat_wal_receiver), false) AS streaming,
  CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE coalesce(extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, 0) END AS "lagMs"`;

/**
 * Reads sent to a streaming replica (`<NAME>_READ_DATABASE_URL`) for as long as it is at most
 * `maxLagMs` behind its primary, checked every `checkEveryMs`: past that, or when it cannot be
 * reached, or when it is no longer a replica (promoted, or a primary named by mistake), reads go
 * to the primary until a check finds it current again. So what a request reads is at most
 * `maxLagMs` plus one check's interval old; requests that write (signed for a mutation) read
 * from the primary whatever the replica's state, so a write is always followed by its own result.
 */
export function readReplica(
  primary: Database,
  replica: Database,
  { maxLagMs, checkEveryMs }: { maxLagMs: number; checkEveryMs: number },
  onChange: (using: 'replica' | 'primary', lagMs: number, reason: string) => void,
): ReadReplica {
  let lag = Infinity;
  let using: 'replica' | 'primary' = 'primary';
  const switchTo = (next: 'replica' | 'primary', reason: string) => {
    if (next !== using) onChange(next, lag, reason);
    using = next;
  };
  const check = async () => {
    try {
      const [state] = await replica.query<{ replica: boolean; streaming: boolean; lagMs: number }>(LAG);
      if (!state.replica || !state.streaming) {
        lag = Infinity;
        switchTo(
          'primary',
          state.replica ? 'not receiving from its primary' : 'not a replica (promoted, or a primary)',
        );
        return;
      }
      lag = Number(state.lagMs);
      switchTo(lag <= maxLagMs ? 'replica' : 'primary', `${Math.round(lag)} ms behind`);
    } catch (error) {
      lag = Infinity;
      switchTo('primary', error instanceof Error ? error.message : String(error));
    }
  };
  const timer = setInterval(() => void check(), checkEveryMs).unref();
  return {
    reads: { query: (sql, params) => (using === 'replica' ? replica : primary).query(sql, params) },
    lagMs: () => lag,
    check,
    stop: async () => {
      clearInterval(timer);
      await replica.close();
    },
  };
}
