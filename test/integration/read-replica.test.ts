import 'reflect-metadata';
import { Database, Queryable } from '../../subgraphs/kit/db/database';
import { openPostgres } from '../../subgraphs/kit/db/postgres-database';
import { ReadReplica, readReplica } from '../../subgraphs/kit/db/read-replica';
import { Federation, postQuery, startFederation } from '../fixtures/federation';
import { PrimaryAndReplica, startPrimaryAndReplica } from '../fixtures/streaming-replica';

/**
 * `<NAME>_READ_DATABASE_URL`: requests that write nothing read from a streaming replica while it
 * is at most ONE_WINDOW_READ_REPLICA_MAX_LAG_MS behind its primary; past that, from the primary.
 */
const POOL = { size: 4, statementTimeoutMs: 0, connectTimeoutMs: 5_000 };
const MAX_LAG_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error('not within 10 s');
}

describe('reads from a real streaming replica', () => {
  let servers: PrimaryAndReplica;
  let primary: Database;
  let router: ReadReplica;
  const switches: string[] = [];
  const servedBy = async () =>
    (await router.reads.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby'))[0].standby
      ? 'replica'
      : 'primary';
  const notes = async () =>
    (await router.reads.query<{ n: number }>('SELECT n FROM note ORDER BY n')).map((r) => r.n);

  beforeAll(async () => {
    servers = await startPrimaryAndReplica(['store']);
    primary = await openPostgres(servers.primary.urlOf('store'), POOL);
    await primary.exec('CREATE TABLE note (n int)');
    const replica = await openPostgres(servers.replicaUrlOf('store'), POOL);
    // Checked only when a test says so: what the router does between checks is part of what is tested.
    router = readReplica(primary, replica, { maxLagMs: MAX_LAG_MS, checkEveryMs: 3_600_000 }, (using) =>
      switches.push(using),
    );
  }, 60_000);
  afterAll(async () => {
    await router?.stop();
    await primary?.close();
    await servers?.stop();
  });

  it('reads from the replica once it is current, and sees what the primary committed', async () => {
    await primary.query('INSERT INTO note VALUES (1)');
    await eventually(async () => {
      await router.check();
      return router.lagMs() <= MAX_LAG_MS;
    });
    expect(await servedBy()).toBe('replica');
    await eventually(async () => (await notes()).includes(1));
  });

  it('is stale between checks by at most what it was behind at the last one: a commit it has not replayed is not seen', async () => {
    await servers.onReplica('SELECT pg_wal_replay_pause()');
    await primary.query('INSERT INTO note VALUES (2)');
    expect(await servedBy()).toBe('replica');
    expect(await notes()).toEqual([1]);
  });

  it('sends reads to the primary once the replica is further behind than the bound, and back when it catches up', async () => {
    await sleep(MAX_LAG_MS + 200);
    await router.check();
    expect(router.lagMs()).toBeGreaterThan(MAX_LAG_MS);
    expect(await servedBy()).toBe('primary');
    expect(await notes()).toEqual([1, 2]);
    await servers.onReplica('SELECT pg_wal_replay_resume()');
    await eventually(async () => {
      await router.check();
      return (await servedBy()) === 'replica';
    });
    expect(await notes()).toEqual([1, 2]);
    expect(switches).toEqual(['replica', 'primary', 'replica']);
  });

  it('reads from the primary when the replica cannot be reached', async () => {
    const unreachable = await openPostgres(servers.replicaUrlOf('store'), POOL);
    const cutOff = readReplica(
      primary,
      unreachable,
      { maxLagMs: MAX_LAG_MS, checkEveryMs: 3_600_000 },
      () => undefined,
    );
    await cutOff.check();
    expect(cutOff.lagMs()).toBeLessThanOrEqual(MAX_LAG_MS);
    await cutOff.stop();
    await cutOff.check();
    expect(cutOff.lagMs()).toBe(Infinity);
    const [{ standby }] = await cutOff.reads.query<{ standby: boolean }>(
      'SELECT pg_is_in_recovery() AS standby',
    );
    expect(standby).toBe(false);
  });
});

describe('which requests a subgraph sends to its reads', () => {
  let federation: Federation;
  const readsBy: Record<string, number> = {};

  beforeAll(async () => {
    federation = await startFederation(undefined, {}, undefined, undefined, (name, db): Queryable => ({
      query: (sql, params) => {
        readsBy[name] = (readsBy[name] ?? 0) + 1;
        return db.query(sql, params);
      },
    }));
  });
  afterAll(() => federation.stop());

  it('a query reads through them; a mutation reads and writes through the primary, so it sees its own write', async () => {
    const before = readsBy.atip ?? 0;
    const read = await postQuery(
      federation.gatewayUrl,
      '{ client(uci: "1234-5678") { accessRequests { requestNumber } } }',
      undefined,
      federation.officerToken,
    );
    expect(read.body.errors).toBeUndefined();
    expect(readsBy.atip).toBeGreaterThan(before);
    const applicant = await federation.identity.token({
      role: 'applicant',
      subject: '1234-5678',
      scopes: ['atip:read'],
    });
    const afterRead = readsBy.atip;
    const submitted = await postQuery(
      federation.gatewayUrl,
      `mutation { submitAccessRequest(input: { act: PRIVACY_ACT, institution: IRCC, clientUci: "1234-5678",
         description: "My file and the officer's notes" }) { requestNumber status } }`,
      undefined,
      applicant,
    );
    expect(submitted.body.errors).toBeUndefined();
    expect(submitted.body.data?.submitAccessRequest.status).toBe('RECEIVED');
    expect(readsBy.atip).toBe(afterRead);
  });
});
