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
 * Whether the replica has replayed everything the primary had written when the check began
 * (`$1`, the primary's position then); if not, how old its last replayed commit is, which is how
 * far behind it is at least (unknown, so too far, when it has replayed no commit since it started).
 */
const REPLICA_STATE = `SELECT pg_is_in_recovery() AS replica,
  coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS "caughtUp",
  extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000 AS "lastCommitAgeMs"`;

/**
 * Reads sent to a streaming replica (`<NAME>_READ_DATABASE_URL`) for as long as it is at most
 * `maxLagMs` behind its primary, checked every `checkEveryMs`: past that, or when it does not
 * answer within a check's interval, or when it is no longer a replica (promoted, or a primary
 * named by mistake), reads go to the primary until a check finds it current again. So what a request reads is at most
 * `maxLagMs` plus one check's interval old; requests that write (signed for a mutation) read
 * from the primary whatever the replica's state, so a write is always followed by its own result.
 */
/** `work`, or a failure once `ms` have passed: a replica that stops answering fails its check. */
function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

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
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const [{ position }] = await primary.query<{ position: string }>(
        'SELECT pg_current_wal_lsn()::text AS position',
      );
      const [state] = await withinMs(
        checkEveryMs,
        replica.query<{ replica: boolean; caughtUp: boolean; lastCommitAgeMs: number | null }>(
          REPLICA_STATE,
          [position],
        ),
      );
      if (!state.replica) {
        lag = Infinity;
        switchTo('primary', 'not a replica (promoted, or a primary)');
        return;
      }
      lag = state.caughtUp ? 0 : state.lastCommitAgeMs === null ? Infinity : Number(state.lastCommitAgeMs);
      switchTo(
        lag <= maxLagMs ? 'replica' : 'primary',
        Number.isFinite(lag) ? `${Math.round(lag)} ms behind` : 'behind',
      );
    } catch (error) {
      lag = Infinity;
      switchTo('primary', error instanceof Error ? error.message : String(error));
    } finally {
      checking = false;
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
