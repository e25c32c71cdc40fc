import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { readSupergraphConfig } from '../platform/supergraph-config';
import { seedSettings, storeLocation } from '../subgraphs/kit/config';
import { positiveInteger } from '../platform/config';
import { commandLine } from './tools/command-line';
import { openDatabase } from '../subgraphs/kit/db/open-database';
import { loadDefinition } from '../subgraphs/kit/load-definition';
import { currentSeed, prepareStore } from '../subgraphs/kit/store';

/**
 * `npm run seed -- --clients 100000 [--seed N] [--reset]`: creates every subgraph's store with
 * the given seed. A store already seeded differently is left alone unless --reset is given,
 * which empties it first (on PostgreSQL, drops and recreates the public schema).
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
  for (const { name } of readSupergraphConfig().subgraphs) {
    const location = storeLocation(name);
    if (reset && location.dataDir) rmSync(location.dataDir, { recursive: true, force: true });
    const db = await openDatabase(location);
    if (reset && location.url) await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
