import 'reflect-metadata';
import { verifyingKeyFromPem } from '../../platform/caller-header';
import { createLogger } from '../../platform/observability/logger';
import { Metrics } from '../../platform/observability/metrics';
import { startTracing } from '../../platform/observability/tracing';
import { internalBodyLimit } from '../../platform/operation-limits';
import { stopOnSignals } from '../../platform/signals';
import { SubgraphConfig, subgraphConfig } from './config';
import { Database } from './db/database';
import { ReadReplica, readReplica } from './db/read-replica';
import { Logger } from '../../platform/observability/logger';
import { openPostgres } from './db/postgres-database';
import { loadDefinition } from './load-definition';
import { startSubgraph } from './server';
import { prepareStore } from './store';

/**
 * One subgraph process: `node dist/subgraphs/kit/main.js <name>`. Migrates and (on first run)
 * seeds the subgraph's own database, then serves it on PORT until SIGTERM, when it finishes
 * the requests in flight and closes its pool.
 */
async function main(name: string | undefined): Promise<void> {
  if (!name) throw new Error('usage: main.js <subgraph name>');
  const logger = createLogger(name);
  const tracing = startTracing(name);
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
    log: (line) => logger.info(line),
  }).finally(() => maintenance.close());
  logger.info(
    { seed: seeded.seed, clients: seeded.clients, ms: Date.now() - started },
    `store ready (seed ${seeded.seed}, ${seeded.clients} clients)`,
  );
  const db = await openPostgres(config.databaseUrl, config.pool, (error) =>
    logger.error({ reason: error.message }, 'idle store connection lost'),
  );
  const replica = config.readReplica && (await openReadReplica(db, config, logger));
  const running = await startSubgraph(definition, {
    db,
    port: config.port,
    host: config.host,
    callerVerifyingKey: await verifyingKeyFromPem(config.callerVerifyingKey),
    peerUrls: config.peerUrls,
    maxBodyBytes: internalBodyLimit(config.limits),
    observability: { logger, metrics: new Metrics(name) },
    drainMs: config.drainMs,
    admin: config.admin,
    reads: replica?.reads,
  });
  logger.info({ url: running.url, adminUrl: running.adminUrl }, `ready at ${running.url}`);
  // `npm start` waits for this, whatever LOG_LEVEL hides.
  process.send?.({ ready: running.url });
  stopOnSignals(
    async () => {
      await running.stop();
      await replica?.stop();
      await db.close();
      await tracing?.shutdown();
    },
    (line) => logger.info(line),
  );
}

/** The replica `<NAME>_READ_DATABASE_URL` names, read while it is current (kit/db/read-replica.ts). */
async function openReadReplica(
  primary: Database,
  config: SubgraphConfig,
  logger: Logger,
): Promise<ReadReplica> {
  const settings = config.readReplica!;
  const replicaDb = await openPostgres(settings.url, config.pool, (error) =>
    logger.error({ reason: error.message }, 'idle read replica connection lost'),
  );
  const replica = readReplica(primary, replicaDb, settings, (using, lagMs, reason) =>
    logger.warn({ using, lagMs, reason }, `reads now go to the ${using} (${reason})`),
  );
  await replica.check();
  return replica;
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`[${process.argv[2]}] failed to start:`, error instanceof Error ? error.message : error);
  process.exit(1);
});
