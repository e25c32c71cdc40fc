import 'reflect-metadata';
import { withinCall, DeadlinePassed } from '../../platform/resilience/deadline';
import { Database } from '../../subgraphs/kit/db/database';
import { openPostgres, SERVING_POOL } from '../../subgraphs/kit/db/postgres-database';
import { describeWithServer } from '../fixtures/optional-servers';
import { PGBOUNCER, RunningPgBouncer, startPgBouncer } from '../fixtures/pgbouncer';
import { createTestDatabase, TestDatabase } from '../fixtures/postgres';
import { Federation, postQuery, startFederation } from '../fixtures/federation';

/**
 * Past one machine, PgBouncer in transaction mode sits in front of PostgreSQL and hands each
 * transaction whichever server connection is free (ONE_WINDOW_DB_POOLER=transaction). Debian 12's
 * PgBouncer (1.18) keeps no prepared statement across transactions, so the stores prepare theirs
 * unnamed there, and keep no setting past a transaction.
 */
const POOLED = { ...SERVING_POOL, transactionPooler: true };
const SAME_STATEMENT = 'SELECT $1::int + 1 AS next, pg_backend_pid() AS server';

describeWithServer(PGBOUNCER, 'the stores through PgBouncer in transaction mode', (binary) => {
  let bouncer: RunningPgBouncer;
  let database: TestDatabase;

  beforeAll(async () => {
    bouncer = await startPgBouncer(binary, process.env.ONE_WINDOW_TEST_POSTGRES_URL!);
    database = await createTestDatabase('pgbouncer');
  });
  afterAll(async () => {
    await database.drop();
    await bouncer.stop();
  });

  const pooled = (settings = POOLED): Promise<Database> =>
    openPostgres(bouncer.route(database.url), settings);

  it('runs the same parameterised statement from many client connections over two server connections', async () => {
    const db = await pooled();
    try {
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, n) =>
          db.query<{ next: number; server: number }>(SAME_STATEMENT, [n]),
        ),
      );
      expect(answers.map(([row]) => row.next)).toEqual(Array.from({ length: 300 }, (_, n) => n + 1));
      // Two server connections served them all: the clients' statements really were shared out.
      expect(new Set(answers.map(([row]) => row.server)).size).toBeLessThanOrEqual(2);
    } finally {
      await db.close();
    }
  });

  it('(what it guards against) fails with statements prepared by name, which another server connection lacks', async () => {
    // No time-out at connection, which PgBouncer would refuse before any statement ran.
    const db = await pooled({ ...SERVING_POOL, statementTimeoutMs: 0, transactionPooler: false });
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 300 }, (_, n) => db.query(SAME_STATEMENT, [n])),
      );
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(failures.length).toBeGreaterThan(0);
      expect(String(failures[0].reason)).toMatch(/prepared statement/);
    } finally {
      await db.close();
    }
  });

  it("keeps a request's deadline in its own transaction: it stops that statement and no other", async () => {
    const db = await pooled();
    try {
      await expect(withinCall(100, true, () => db.query('SELECT pg_sleep(0.5)'))).rejects.toBeInstanceOf(
        DeadlinePassed,
      );
      // Had the 100 ms time-out been the session's, it would stay on a server connection the next
      // clients get, and cut their longer statements short.
      const later = await Promise.allSettled(
        Array.from({ length: 6 }, () => db.query('SELECT pg_sleep(0.2) AS slept')),
      );
      expect(later.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("runs a pool without a time-out (migrating, seeding) free of the role's or database's time-out", async () => {
    const strict = await createTestDatabase('pgbouncer-strict');
    const admin = await openPostgres(strict.url, { ...SERVING_POOL, statementTimeoutMs: 0 });
    await admin.exec(
      `ALTER DATABASE ${new URL(strict.url).pathname.slice(1)} SET statement_timeout = '100ms'`,
    );
    await admin.close();
    const unlimited = await openPostgres(bouncer.route(strict.url), { ...POOLED, statementTimeoutMs: 0 });
    try {
      // The database's time-out holds outside a transaction…
      await expect(unlimited.query('SELECT pg_sleep(0.3)')).rejects.toThrow(/statement timeout/);
      // …and a transaction of this pool lifts it for itself.
      await expect(unlimited.transaction((tx) => tx.query('SELECT pg_sleep(0.3)'))).resolves.toHaveLength(1);
    } finally {
      await unlimited.close();
      await strict.drop();
    }
  });

  it('writes in transactions, COPY included, all or nothing', async () => {
    const db = await pooled();
    try {
      await db.exec('CREATE TABLE IF NOT EXISTS pooled_rows (n int PRIMARY KEY)');
      await db.transaction((tx) => tx.copyFrom('pooled_rows', ['n'], '1\n2\n3\n'));
      await expect(
        db.transaction(async (tx) => {
          await tx.copyFrom('pooled_rows', ['n'], '4\n');
          await tx.query('INSERT INTO pooled_rows (n) VALUES (1)');
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await db.query('SELECT n FROM pooled_rows ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    } finally {
      await db.close();
    }
  });

  describe('a whole federation whose every store is reached through it', () => {
    let federation: Federation;
    beforeAll(async () => {
      federation = await startFederation(undefined, {}, POOLED, bouncer.route);
    });
    afterAll(() => federation?.stop());

    it('seeds, migrates and answers the flagship client file, and records who read it', async () => {
      const { body } = await postQuery(
        federation.gatewayUrl,
        `{ client(uci: "1234-5678") { familyName applications { applicationNumber decision { outcome } }
             travelHistory(first: 3) { edges { node { direction } } } accessRequests { requestNumber } } }`,
        undefined,
        federation.officerToken,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.client.familyName).toBe('Okafor');
      expect(body.data?.client.applications).toHaveLength(3);
      const [{ records }] = await federation
        .database('audit')
        .query<{ records: number }>(
          `SELECT count(*)::int AS records FROM access_event_file WHERE client_uci = '1234-5678'`,
        );
      expect(records).toBeGreaterThan(0);
    });

    it("answers a representative's caseload, fetched in batches, many at once", async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          postQuery(
            federation.gatewayUrl,
            `{ representative(id: "REP-000001") { clients(first: 20) { edges { node { uci applications { stages { status } } } } } } }`,
            undefined,
            federation.officerToken,
          ),
        ),
      );
      for (const { body } of answers) {
        expect(body.errors).toBeUndefined();
        expect(body.data?.representative.clients.edges.length).toBeGreaterThan(0);
      }
    });
  });
});
