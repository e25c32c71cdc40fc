import 'reflect-metadata';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readSupergraphConfig } from '../platform/supergraph-config';
import { databaseUrl, poolSettings, seedSettings } from '../subgraphs/kit/config';
import { positiveInteger } from '../platform/config';
import { commandLine } from './tools/command-line';
import { openPostgres } from '../subgraphs/kit/db/postgres-database';
import { subgraphStores } from './tools/stores';
import { loadDefinition } from '../subgraphs/kit/load-definition';
import { currentSeed, prepareStore, SeedRun } from '../subgraphs/kit/store';
import { seedAccessEvents } from '../subgraphs/audit/seed-events';

/**
 * `npm run seed -- --clients 100000 [--seed N] [--reset] [--access-events N]`: creates every
 * subgraph's store with the given seed, and with --access-events, a trail of that many past reads
 * of those clients' files (subgraphs/audit/seed-events.ts). A store already seeded differently is left alone unless --reset is given,
 * which empties it first (drops and recreates the public schema). Uses the embedded PostgreSQL
 * server for every subgraph without a `<NAME>_DATABASE_URL`, as `npm start` does. The stores
 * are seeded side by side, each in a worker thread of its own, so drawing one store's rows
 * overlaps with the server writing another's.
 */

/** One connection without a time-out; through PgBouncer when ONE_WINDOW_DB_POOLER says so. */
const SEEDING_POOL = {
  size: 1,
  statementTimeoutMs: 0,
  connectTimeoutMs: 5_000,
  transactionPooler: poolSettings().transactionPooler,
};

interface StoreJob {
  name: string;
  url: string;
  seed: SeedRun;
  reset: boolean;
}

async function main(): Promise<void> {
  const options = commandLine(
    {
      clients: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean' },
      'access-events': { type: 'string' },
    },
    'npm run seed -- [--clients N] [--seed N] [--reset] [--access-events N]',
  );
  const defaults = seedSettings();
  const seed = {
    seed: positiveInteger(options.seed, defaults.seed, '--seed'),
    clients: positiveInteger(options.clients, defaults.clients, '--clients'),
  };
  const names = readSupergraphConfig().subgraphs.map((subgraph) => subgraph.name);
  const stores = await subgraphStores(names, process.env, (line) => console.log(line));
  const env = { ...process.env, ...stores.urls };
  const started = Date.now();
  const outcomes = await Promise.all(
    names.map((name) => inWorker({ name, url: databaseUrl(name, env), seed, reset: options.reset === true })),
  );
  if (outcomes.includes(false)) process.exitCode = 1;
  console.log(`all stores seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const accessEvents = positiveInteger(options['access-events'], 0, '--access-events');
  if (accessEvents > 0 && !outcomes.includes(false))
    await seedTrail(databaseUrl('audit', env), accessEvents, seed.clients);
  await stores.stop();
}

async function seedTrail(url: string, count: number, clients: number): Promise<void> {
  const db = await openPostgres(url, SEEDING_POOL);
  try {
    const started = Date.now();
    const added = await seedAccessEvents(db, {
      count,
      clients,
      now: new Date(),
      log: (line) => console.log(line),
    });
    if (added > 0) await db.exec('VACUUM ANALYZE access_event, access_event_file, access_name_set');
    console.log(`audit: ${added} access events added in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

function inWorker(job: StoreJob): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once('message', (ok: boolean) => resolve(ok));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`seeding ${job.name} stopped (exit code ${code})`)));
  });
}

/** Seeds one store; answers whether it now holds the seed asked for. */
async function seedStore({ name, url, seed, reset }: StoreJob): Promise<boolean> {
  const db = await openPostgres(url, SEEDING_POOL);
  try {
    if (reset) await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const existing = await currentSeed(db).catch(() => null);
    if (existing && (existing.seed !== seed.seed || existing.clients !== seed.clients)) {
      console.error(
        `${name}: already seeded with seed ${existing.seed} and ${existing.clients} clients; pass --reset to replace it`,
      );
      return false;
    }
    const started = Date.now();
    await prepareStore(loadDefinition(name), db, { ...seed, log: (line) => console.log(line) });
    console.log(`${name}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    await db.close();
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  seedStore(workerData as StoreJob).then(
    (ok) => parentPort!.postMessage(ok),
    (error: unknown) => {
      console.error(error);
      parentPort!.postMessage(false);
    },
  );
}
