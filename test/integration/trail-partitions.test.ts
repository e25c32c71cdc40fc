import 'reflect-metadata';
import fc from 'fast-check';
import { migrations } from '../../subgraphs/audit/migrations';
import { auditStore } from '../../subgraphs/audit/store';
import { AccessOutcome } from '../../subgraphs/audit/entities/access-record';
import {
  keepTrailPartitions,
  MINIMUM_RETENTION_MONTHS,
  retentionMonths,
} from '../../subgraphs/audit/trail-partitions';
import { Database } from '../../subgraphs/kit/db/database';
import { migrate } from '../../subgraphs/kit/db/migrations';
import { accessEvent, readFile } from '../fixtures/audit-writes';
import { openTestDatabase } from '../fixtures/postgres';

/**
 * The trail at national scale: partitioned by month, made ahead of time, and past retention
 * dropped a whole month at a time, with a record of what was dropped.
 */
let db: Database;
let requestNumber = 0;

beforeEach(async () => {
  db = await openTestDatabase('trail-partitions', {
    size: 4,
    statementTimeoutMs: 0,
    connectTimeoutMs: 5_000,
  });
  await migrate(db, migrations);
});
afterEach(() => db.close());

const NOW = new Date('2026-12-06T12:00:00Z');

/** Records one read of `uci`'s file at `at`, as the gateway would send it. */
async function readAt(at: Date, uci = '1234-5678'): Promise<string> {
  requestNumber += 1;
  const requestId = `r-${requestNumber}`;
  await auditStore.record(db, [{ ...accessEvent(requestId, [readFile(uci)]), occurredAt: at.toISOString() }]);
  return requestId;
}

const months = async (table: string) =>
  (
    await db.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = $1::regclass ORDER BY 1`,
      [table],
    )
  ).map((row) => row.name);

const held = async (requestIds: string[]) =>
  (
    await db.query<{ requestId: string }>(
      `SELECT e.request_id AS "requestId" FROM access_event e JOIN access_event_file f
         ON f.request_id = e.request_id AND f.occurred_at = e.occurred_at
       WHERE e.request_id = ANY($1) ORDER BY 1`,
      [requestIds],
    )
  ).map((row) => row.requestId);

describe('the access trail partitions', () => {
  it("makes this month's partitions and the next three's, for both tables, and stores new records in them", async () => {
    const done = await keepTrailPartitions(db, { now: NOW, retentionMonths: 24 });
    expect(done).toEqual({ created: ['2026-12', '2027-01', '2027-02', '2027-03'], dropped: [] });
    for (const table of ['access_event', 'access_event_file'])
      expect(await months(table)).toEqual([
        `${table}_default`,
        `${table}_y2026m12`,
        `${table}_y2027m01`,
        `${table}_y2027m02`,
        `${table}_y2027m03`,
      ]);
    const id = await readAt(new Date('2027-02-28T23:59:59.999Z'));
    const [{ partition }] = await db.query<{ partition: string }>(
      'SELECT tableoid::regclass::text AS partition FROM access_event_file WHERE request_id = $1',
      [id],
    );
    expect(partition).toBe('access_event_file_y2027m02');
    expect(await keepTrailPartitions(db, { now: NOW, retentionMonths: 24 })).toEqual({
      created: [],
      dropped: [],
    });
  });

  it('moves a record that landed in a default partition (a clock years off) into a month of its own, and it stays readable', async () => {
    await keepTrailPartitions(db, { now: NOW, retentionMonths: 24 });
    const id = await readAt(new Date('2031-05-17T08:00:00Z'), '12-3456-7890');
    const done = await keepTrailPartitions(db, { now: NOW, retentionMonths: 24 });
    expect(done.created).toEqual(['2031-05']);
    const [{ strays }] = await db.query<{ strays: number }>(
      'SELECT (SELECT count(*) FROM access_event_default) + (SELECT count(*) FROM access_event_file_default) AS strays',
    );
    expect(strays).toBe(0);
    const page = await auditStore.logPage(db, '12-3456-7890', { first: 10, offset: 0 });
    expect(page.map((record) => record.clientUci)).toEqual(['12-3456-7890']);
    expect(await held([id])).toEqual([id]);
  });

  it('drops whole months past retention, both tables together, and records what it dropped', async () => {
    await keepTrailPartitions(db, { now: new Date('2023-01-15T00:00:00Z'), retentionMonths: 24 });
    const old = [
      await readAt(new Date('2023-01-02T00:00:00Z')),
      await readAt(new Date('2023-01-30T00:00:00Z')),
    ];
    await keepTrailPartitions(db, { now: new Date('2024-11-20T00:00:00Z'), retentionMonths: 24 });
    const lastKept = await readAt(new Date('2024-12-01T00:00:00Z'));
    const done = await keepTrailPartitions(db, { now: NOW, retentionMonths: 24 });
    // 24 months before December 2026 is December 2024: everything older goes, month by month.
    expect(done.dropped).toContainEqual({ month: '2023-01', events: 2, files: 2 });
    expect(done.dropped.every((dropped) => dropped.month < '2024-12')).toBe(true);
    expect(await held([...old, lastKept])).toEqual([lastKept]);
    expect(await months('access_event_file')).not.toContain('access_event_file_y2023m01');
    const [recorded] = await db.query<{ events: number; files: number; retention: number; by: string }>(
      `SELECT events, files, retention_months AS retention, dropped_by AS by FROM access_trail_retention WHERE month = '2023-01-01'`,
    );
    expect(recorded).toMatchObject({ events: 2, files: 2, retention: 24 });
    expect(recorded.by).toMatch(/^audit upkeep on .+, process \d+$/);
  });

  it('for any records and any day it runs, keeps every record of the last retention months and nothing older', async () => {
    const YEAR_MS = 365.25 * 86_400_000;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: Math.floor(6 * YEAR_MS) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: Math.floor(3 * YEAR_MS) }),
        fc.integer({ min: MINIMUM_RETENTION_MONTHS, max: 40 }),
        async (offsets, runOffset, retention) => {
          await db.exec(`TRUNCATE access_event, access_event_file, access_trail_retention`);
          const start = Date.parse('2020-01-01T00:00:00Z');
          const ids = new Map<string, Date>();
          for (const offset of offsets) {
            const at = new Date(start + offset);
            ids.set(await readAt(at), at);
          }
          const now = new Date(start + 3 * YEAR_MS + runOffset);
          const done = await keepTrailPartitions(db, { now, retentionMonths: retention });
          const oldestKept = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - retention, 1));
          const expected = [...ids].filter(([, at]) => at >= oldestKept).map(([id]) => id);
          expect(await held([...ids.keys()])).toEqual(expected.sort());
          const droppedFiles = done.dropped.reduce((sum, month) => sum + month.files, 0);
          expect(droppedFiles).toBe(ids.size - expected.length);
          expect(done.dropped.every((month) => new Date(`${month.month}-01T00:00:00Z`) < oldestKept)).toBe(
            true,
          );
        },
      ),
      { numRuns: 15 },
    );
  });

  it('lets one replica keep the partitions at a time: two together make each month once and neither fails', async () => {
    const [first, second] = await Promise.all([
      keepTrailPartitions(db, { now: NOW, retentionMonths: 24 }),
      keepTrailPartitions(db, { now: NOW, retentionMonths: 24 }),
    ]);
    expect([...first.created, ...second.created].sort()).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
  });

  it('stores a batch sent again once, with its files, whichever months its requests fall in', async () => {
    await keepTrailPartitions(db, { now: NOW, retentionMonths: 24 });
    const events = [
      {
        ...accessEvent('again-1', [readFile('1111-2222'), readFile('3333-4444')]),
        occurredAt: '2026-12-31T23:59:59Z',
      },
      { ...accessEvent('again-2', [readFile('1111-2222')]), occurredAt: '2027-01-01T00:00:00Z' },
    ];
    expect(await auditStore.record(db, events)).toBe(3);
    expect(await auditStore.record(db, events)).toBe(3);
    const [{ files }] = await db.query<{ files: number }>(
      `SELECT count(*)::int AS files FROM access_event_file WHERE request_id LIKE 'again-%'`,
    );
    expect(files).toBe(3);
  });
});

describe("a write's two records (before it runs, and after)", () => {
  beforeEach(() => keepTrailPartitions(db, { now: NOW, retentionMonths: 24 }));

  const twoRecords = (id: string) => {
    const at = '2026-12-06T10:00:00.000Z';
    const before = {
      ...accessEvent(id, [
        { clientUci: '5555-6666', outcome: 'DENIED' as const, fieldsShown: 'REFUSED' as const },
      ]),
      occurredAt: at,
    };
    const after = {
      ...accessEvent(id, [
        { clientUci: '5555-6666', outcome: 'DENIED' as const, fieldsShown: 'REFUSED' as const },
        readFile('7777-8888'),
      ]),
      occurredAt: at,
    };
    return [before, after];
  };
  const stored = async (id: string) =>
    (
      await db.query<{ events: number; files: number }>(
        `SELECT (SELECT count(*)::int FROM access_event WHERE request_id = $1) AS events,
                (SELECT count(*)::int FROM access_event_file WHERE request_id = $1) AS files`,
        [id],
      )
    )[0];

  it('are one request, each file once, sent in one batch or two, and again', async () => {
    const [before, after] = twoRecords('write-1');
    expect(await auditStore.record(db, [before, after])).toBe(3);
    expect(await stored('write-1')).toEqual({ events: 1, files: 2 });
    const [before2, after2] = twoRecords('write-2');
    expect(await auditStore.record(db, [before2])).toBe(1);
    expect(await auditStore.record(db, [after2])).toBe(2);
    expect(await auditStore.record(db, [before2, after2])).toBe(3);
    expect(await stored('write-2')).toEqual({ events: 1, files: 2 });
    const log = await auditStore.logPage(db, '5555-6666', { first: 10, offset: 0 });
    expect(log.filter((record) => record.outcome === AccessOutcome.DENIED)).toHaveLength(2);
  });

  it('are counted whole over several statements, when a batch holds more files than one takes', async () => {
    const many = Array.from({ length: 1_500 }, (_, i) =>
      readFile(`${1000 + Math.floor(i / 100)}-${String(1000 + (i % 100)).padStart(4, '0')}`),
    );
    const at = '2026-12-06T11:00:00.000Z';
    const before = { ...accessEvent('write-big', many.slice(0, 600)), occurredAt: at };
    const after = { ...accessEvent('write-big', many), occurredAt: at };
    expect(await auditStore.record(db, [before, after])).toBe(2_100);
    expect(await stored('write-big')).toEqual({ events: 1, files: 1_500 });
  });
});

describe('ONE_WINDOW_AUDIT_RETENTION_MONTHS', () => {
  it('keeps two years unless set, as the Privacy Regulations require at least', () => {
    expect(retentionMonths({})).toBe(24);
    expect(retentionMonths({ ONE_WINDOW_AUDIT_RETENTION_MONTHS: '84' })).toBe(84);
  });

  it('refuses less than two years, or anything but a whole number of months', () => {
    expect(() => retentionMonths({ ONE_WINDOW_AUDIT_RETENTION_MONTHS: '23' })).toThrow(/at least 24/);
    expect(() => retentionMonths({ ONE_WINDOW_AUDIT_RETENTION_MONTHS: 'two years' })).toThrow(/whole number/);
  });
});
