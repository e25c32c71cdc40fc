import 'reflect-metadata';
import { readSupergraphConfig } from '../platform/supergraph-config';
import { databaseUrl, seedSettings } from '../subgraphs/kit/config';
import { positiveInteger } from '../platform/config';
import { commandLine } from './tools/command-line';
import { openPostgres } from '../subgraphs/kit/db/postgres-database';
import { subgraphStores } from './tools/stores';
import { loadDefinition } from '../subgraphs/kit/load-definition';
import { currentSeed, prepareStore } from '../subgraphs/kit/store';

/**
 * `npm run seed -- --clients 100000 [--seed N] [--reset]`: creates every subgraph's store with
 * the given seed. A store already seeded differently is left alone unless --reset is given,
 * which empties it first (drops and recreates the public schema). Uses the embedded PostgreSQL
 * server for every subgraph without a `<NAME>_DATABASE_URL`, as `npm start` does.
 */

async function main(): Promise<void> {
  const options = commandLine(
    { clients: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' } },
    'npm run seed -- [--clients N] [--seed N] [--reset]',
  );
  const defaults = seedSettings();
  const seed = {
    seed: positiveInteger(options.seed, defaults.seed, '--seed'),
    clients: positiveInteger(options.clients, defaults.clients, '--clients'),
  };
  const reset = options.reset === true;
  const names = readSupergraphConfig().subgraphs.map((subgraph) => subgraph.name);
  const stores = await subgraphStores(names, process.env, (line) => console.log(line));
  const env = { ...process.env, ...stores.urls };
  for (const name of names) {
    const db = await openPostgres(databaseUrl(name, env), {
      size: 1,
      statementTimeoutMs: 0,
      connectTimeoutMs: 5_000,
    });
    if (reset) await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const existing = await currentSeed(db).catch(() => null);
    if (existing && (existing.seed !== seed.seed || existing.clients !== seed.clients)) {
      console.error(
        `${name}: already seeded with seed ${existing.seed} and ${existing.clients} clients; pass --reset to replace it`,
      );
      process.exitCode = 1;
    } else {
      const started = Date.now();
      await prepareStore(loadDefinition(name), db, { ...seed, log: (line) => console.log(line) });
      console.log(`${name}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await db.close();
  }
  await stores.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
