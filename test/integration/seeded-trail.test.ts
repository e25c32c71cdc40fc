import 'reflect-metadata';
import { migrations } from '../../subgraphs/audit/migrations';
import { seedAccessEvents } from '../../subgraphs/audit/seed-events';
import { auditStore } from '../../subgraphs/audit/store';
import { Database } from '../../subgraphs/kit/db/database';
import { migrate } from '../../subgraphs/kit/db/migrations';
import { uciAt } from '../../subgraphs/kit/seed/population';
import { openTestDatabase } from '../fixtures/postgres';

/** `npm run seed -- --access-events N`: a past trail of the seeded population, to measure against. */
let db: Database;
const NOW = new Date('2026-12-06T12:00:00Z');
const CLIENTS = 300;

beforeAll(async () => {
  db = await openTestDatabase('seeded-trail', { size: 2, statementTimeoutMs: 0, connectTimeoutMs: 5_000 });
  await migrate(db, migrations);
});
afterAll(() => db.close());

const silent = () => undefined;

describe('a seeded access trail', () => {
  it("holds the reads asked for, of the population's own files, over the two years before it was seeded", async () => {
    expect(await seedAccessEvents(db, { count: 3_000, clients: CLIENTS, now: NOW, log: silent })).toBe(3_000);
    const [counts] = await db.query<{
      events: number;
      files: number;
      first: Date;
      last: Date;
      strays: number;
    }>(
      `SELECT (SELECT count(*) FROM access_event) AS events, (SELECT count(*) FROM access_event_file) AS files,
         (SELECT min(occurred_at) FROM access_event) AS first, (SELECT max(occurred_at) FROM access_event) AS last,
         (SELECT count(*) FROM access_event_default) AS strays`,
    );
    expect(counts).toMatchObject({ events: 3_000, files: 3_000, strays: 0 });
    expect(counts.first.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 730 * 86_400_000);
    expect(counts.last.getTime()).toBeLessThan(NOW.getTime());
    const population = new Set(Array.from({ length: CLIENTS }, (_, index) => uciAt(index)));
    const ucis = await db.query<{ uci: string }>('SELECT DISTINCT client_uci AS uci FROM access_event_file');
    expect(ucis.filter(({ uci }) => !population.has(uci))).toEqual([]);
    expect(ucis.length).toBe(CLIENTS);
  });

  it("reads back as the trail's own records: reader, operation and the fields it delivered", async () => {
    const [record] = await auditStore.logPage(db, uciAt(7), { first: 1, offset: 0 });
    expect(['applicant', 'officer', 'partner']).toContain(record.reader.role);
    expect(['ClientFile', 'TravelHistory']).toContain(record.operationName);
    expect(record.fields).toContain('client.travelHistory.edges.node.occurredAt');
    const pages = await auditStore.clientLogPage(db, [uciAt(7), uciAt(8)], { first: 5, offset: 0 });
    expect(new Set(pages.map((row) => row.clientUci))).toEqual(new Set([uciAt(7), uciAt(8)]));
  });

  it('adds only what is missing when run again, so an interrupted seeding resumes', async () => {
    expect(await seedAccessEvents(db, { count: 3_000, clients: CLIENTS, now: NOW, log: silent })).toBe(0);
    expect(await seedAccessEvents(db, { count: 3_500, clients: CLIENTS, now: NOW, log: silent })).toBe(500);
    const [{ events }] = await db.query<{ events: number }>(
      'SELECT count(*)::int AS events FROM access_event',
    );
    expect(events).toBe(3_500);
  });
});
