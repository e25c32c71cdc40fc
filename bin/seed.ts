import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { readSupergraphConfig } from '../gateway/supergraph/supergraph-config';
import { commandLineOption as option, positiveInteger, seedSettings, storeLocation } from '../subgraphs/kit/config';
import { openDatabase } from '../subgraphs/kit/db/open-database';
import { loadDefinition } from '../subgraphs/kit/load-definition';
import { currentSeed, prepareStore } from '../subgraphs/kit/store';

/**
 * `npm run seed -- --clients 100000 [--seed N] [--reset]`: creates every subgraph's store with
 * the given seed. A store already seeded differently is left alone unless --reset is given,
 * which empties it first (on PostgreSQL, drops and recreates the public schema).
 */

async function main(): Promise<void> {
  const defaults = seedSettings();
  const seed = { seed: positiveInteger(option('seed'), defaults.seed, '--seed'), clients: positiveInteger(option('clients'), defaults.clients, '--clients') };
  const reset = process.argv.includes('--reset');
  for (const { name } of readSupergraphConfig().subgraphs) {
    const location = storeLocation(name);
    if (reset && location.dataDir) rmSync(location.dataDir, { recursive: true, force: true });
    const db = await openDatabase(location);
    if (reset && location.url) await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const existing = await currentSeed(db).catch(() => null);
    if (existing && (existing.seed !== seed.seed || existing.clients !== seed.clients)) {
      console.error(`${name}: already seeded with seed ${existing.seed} and ${existing.clients} clients; pass --reset to replace it`);
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
