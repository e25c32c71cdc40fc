import 'reflect-metadata';
import { verifyingKeyFromPem } from '../../platform/caller-header';
import { internalBodyLimit } from '../../platform/operation-limits';
import { stopOnSignals } from '../../platform/signals';
import { subgraphConfig } from './config';
import { openPostgres } from './db/postgres-database';
import { loadDefinition } from './load-definition';
import { startSubgraph } from './server';
import { prepareStore } from './store';

/**
 * One subgraph process: `node dist/subgraphs/kit/main.js <name>`. Opens the subgraph's own
 * store, migrates it, seeds it on first run, and serves it on PORT.
 */
async function main(name: string | undefined): Promise<void> {
  if (!name) throw new Error('usage: main.js <subgraph name>');
  const config = subgraphConfig(name);
  const definition = loadDefinition(name);
  const started = Date.now();
  // Migrating and seeding may run longer than any query should: one connection without the time-out.
  const maintenance = await openPostgres(config.databaseUrl, {
    ...config.pool,
    size: 1,
    statementTimeoutMs: 0,
  });
  const seeded = await prepareStore(definition, maintenance, {
    ...config.seed,
    log: (line) => console.log(line),
  }).finally(() => maintenance.close());
  console.log(
    `[${name}] store ready in ${Date.now() - started} ms (seed ${seeded.seed}, ${seeded.clients} clients)`,
  );
  const db = await openPostgres(config.databaseUrl, config.pool);
  const running = await startSubgraph(definition, {
    db,
    port: config.port,
    host: config.host,
    callerVerifyingKey: await verifyingKeyFromPem(config.callerVerifyingKey),
    peerUrls: config.peerUrls,
    maxBodyBytes: internalBodyLimit(config.limits),
  });
  console.log(`[${name}] ready at ${running.url}`);
  stopOnSignals(async () => {
    await running.stop();
    await db.close();
  });
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`[${process.argv[2]}] failed to start:`, error instanceof Error ? error.message : error);
  process.exit(1);
});
