import { hostname } from 'node:os';
import { positiveInteger } from '../../platform/config';
import { Database, Queryable } from '../kit/db/database';

/** The trail's tables, each partitioned by the month its records occurred in (UTC). */
const TABLES = ['access_event', 'access_event_file'] as const;

/** Months created ahead of the current one, so no record waits on a partition being made. */
const MONTHS_AHEAD = 3;

/**
 * Section 4(1)(a) of the Privacy Regulations: personal information used for an administrative
 * purpose is kept at least two years after its last use. A record of who read a file is itself
 * such information, so the trail keeps whole months for at least this long.
 */
export const MINIMUM_RETENTION_MONTHS = 24;

/** Any fixed number: one replica of the audit service keeps the partitions at a time. */
const UPKEEP_LOCK = 1_060_0002;

/** `ONE_WINDOW_AUDIT_RETENTION_MONTHS`: 24 unless set, and never less. */
export function retentionMonths(env: NodeJS.ProcessEnv = process.env): number {
  const months = positiveInteger(
    env.ONE_WINDOW_AUDIT_RETENTION_MONTHS,
    MINIMUM_RETENTION_MONTHS,
    'ONE_WINDOW_AUDIT_RETENTION_MONTHS',
  );
  if (months < MINIMUM_RETENTION_MONTHS)
    throw new Error(
      `ONE_WINDOW_AUDIT_RETENTION_MONTHS must be at least ${MINIMUM_RETENTION_MONTHS}: the Privacy Regulations (s. 4(1)(a)) keep records of use two years`,
    );
  return months;
}

/** The first instant of the month `offset` months from the one `date` falls in, in UTC. */
function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/** `2026-12-01` → `y2026m12`: the suffix of that month's partitions. */
function suffixOf(month: Date): string {
  return `y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthOfSuffix(suffix: string): Date | null {
  const match = /^y(\d{4})m(\d{2})$/.exec(suffix);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : null;
}

export interface DroppedMonth {
  month: string;
  events: number;
  files: number;
}

export interface PartitionUpkeep {
  /** Months whose partitions were made now, as `YYYY-MM`. */
  created: string[];
  dropped: DroppedMonth[];
}

/**
 * Keeps the trail's monthly partitions: makes this month's and the next three, and the month of
 * any record that landed in a default partition (a clock far off, a very old batch sent again),
 * moving those records into it; then drops the months past retention, both tables' partitions
 * together, and writes what it dropped (month, counts, setting, by whom) in
 * access_trail_retention. One transaction, so a failure changes nothing; it waits at most 5 s
 * for the tables' locks, so the trail's writers are never held up behind it for longer.
 */
export async function keepTrailPartitions(
  db: Database,
  { now, retentionMonths }: { now: Date; retentionMonths: number },
): Promise<PartitionUpkeep> {
  return db.transaction(async (tx) => {
    const [{ locked }] = await tx.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [UPKEEP_LOCK],
    );
    if (!locked) return { created: [], dropped: [] };
    // Moving records out of a default partition (the trail as it was before partitioning, on the
    // first start) may take minutes; waiting for the tables' locks may not.
    await tx.query(`SET LOCAL lock_timeout = '5s'`);
    await tx.query(`SET LOCAL statement_timeout = 0`);
    const existing = new Set(await partitionSuffixes(tx));
    const strays = await tx.query<{ month: Date }>(
      TABLES.map(
        (table) => `SELECT DISTINCT date_trunc('month', occurred_at, 'UTC') AS month FROM ${table}_default`,
      ).join(' UNION '),
    );
    const wanted = [
      ...Array.from({ length: MONTHS_AHEAD + 1 }, (_, ahead) => monthStart(now, ahead)),
      ...strays.map((stray) => monthStart(stray.month)),
    ];
    const created = await createMissing(tx, existing, wanted);
    const oldestKept = monthStart(now, -retentionMonths);
    const dropped: DroppedMonth[] = [];
    for (const suffix of [...existing].sort()) {
      const month = monthOfSuffix(suffix);
      if (!month || month >= oldestKept) continue;
      dropped.push(await dropMonth(tx, month, retentionMonths));
    }
    return { created, dropped };
  });
}

/** Makes the partitions of every month from `from`'s to `to`'s that has none (for seeding a past trail). */
export async function makeMonths(db: Database, from: Date, to: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [UPKEEP_LOCK]);
    const months: Date[] = [];
    for (let month = monthStart(from); month <= to; month = monthStart(month, 1)) months.push(month);
    return createMissing(tx, new Set(await partitionSuffixes(tx)), months);
  });
}

/** Makes the months' partitions that `existing` lacks; returns them as `YYYY-MM`. */
async function createMissing(
  tx: Queryable,
  existing: Set<string>,
  months: readonly Date[],
): Promise<string[]> {
  const created: string[] = [];
  for (const month of months) {
    if (existing.has(suffixOf(month))) continue;
    await createMonth(tx, month);
    existing.add(suffixOf(month));
    created.push(month.toISOString().slice(0, 7));
  }
  return created;
}

/** The suffixes of access_event's monthly partitions (access_event_file's are made and dropped with them). */
async function partitionSuffixes(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'access_event'::regclass`,
  );
  return rows.map((row) => row.name.slice('access_event_'.length)).filter((suffix) => monthOfSuffix(suffix));
}

/** Makes a month's partitions, moving into them what the default partitions hold of that month. */
async function createMonth(tx: Queryable, month: Date): Promise<void> {
  const from = month.toISOString();
  const to = monthStart(month, 1).toISOString();
  for (const table of TABLES) {
    const partition = `${table}_${suffixOf(month)}`;
    const moving = `moving_${partition}`;
    // No writer may add a row of this month to the default partition between the move and the
    // partition's creation (which would then fail): the default partition is held until commit.
    await tx.query(`LOCK TABLE ${table}_default IN ACCESS EXCLUSIVE MODE`);
    await tx.query(`CREATE TEMPORARY TABLE ${moving} (LIKE ${table}) ON COMMIT DROP`);
    await tx.query(
      `WITH moved AS (DELETE FROM ${table}_default WHERE occurred_at >= $1 AND occurred_at < $2 RETURNING *)
       INSERT INTO ${moving} SELECT * FROM moved`,
      [from, to],
    );
    await tx.query(
      `CREATE TABLE ${partition} PARTITION OF ${table} FOR VALUES FROM ('${from}') TO ('${to}')`,
    );
    await tx.query(`INSERT INTO ${table} SELECT * FROM ${moving}`);
  }
}

async function dropMonth(tx: Queryable, month: Date, retentionMonths: number): Promise<DroppedMonth> {
  const suffix = suffixOf(month);
  const [{ events, files }] = await tx.query<{ events: number; files: number }>(
    `SELECT (SELECT count(*) FROM access_event_${suffix}) AS events, (SELECT count(*) FROM access_event_file_${suffix}) AS files`,
  );
  for (const table of [...TABLES].reverse()) await tx.query(`DROP TABLE ${table}_${suffix}`);
  await tx.query(
    `INSERT INTO access_trail_retention (month, events, files, retention_months, dropped_by) VALUES ($1, $2, $3, $4, $5)`,
    [
      month.toISOString().slice(0, 10),
      events,
      files,
      retentionMonths,
      `audit upkeep on ${hostname()}, process ${process.pid}`,
    ],
  );
  return { month: month.toISOString().slice(0, 7), events, files };
}
