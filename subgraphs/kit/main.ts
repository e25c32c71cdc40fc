import 'reflect-metadata';
import { callerVerifyingKey } from './access/caller-header';
import { positiveInteger, seedSettings, storeLocation } from './config';
import { openDatabase } from './db/open-database';
import { startSubgraph } from './server';
import { prepareStore } from './store';
import { loadDefinition } from './load-definition';
import { stopOnSignals } from './stop-on-signals';

/**
 * One subgraph process: `node dist/subgraphs/kit/main.js <name>`. Opens the subgraph's own
 * store, migrates it, seeds it on first run, and serves it on PORT.
 */
async function main(name: string | undefined): Promise<void> {
  if (!name) throw new Error('usage: main.js <subgraph name>');
  const definition = loadDefinition(name);
  const location = storeLocation(name);
  const db = await openDatabase(location);
  const started = Date.now();
  const seeded = await prepareStore(definition, db, { ...seedSettings(), log: (line) => console.log(line) });
  console.log(`[${name}] store ready in ${Date.now() - started} ms (${location.url ? 'PostgreSQL' : location.dataDir}; seed ${seeded.seed}, ${seeded.clients} clients)`);
  const running = await startSubgraph(definition, {
    db,
    port: positiveInteger(process.env.PORT, 0, 'PORT'),
    host: process.env.HOST,
    callerVerifyingKey: await callerVerifyingKey(),
    caseServiceUrl: process.env.ONE_WINDOW_CASE_SERVICE_URL,
  });
  console.log(`[${name}] ready at ${running.url}`);
  stopOnSignals(async () => {
    await running.stop();
    await db.close();
  });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`[${process.argv[2]}] failed to start:`, error);
  process.exit(1);
});
