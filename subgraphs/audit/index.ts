import { SubgraphDefinition } from '../kit/subgraph-definition';
import { Client } from './entities/client';
import { AuditLoaders, createAuditLoaders } from './loaders';
import { migrations } from './migrations';
import { AccessLogResolver } from './resolvers/access-log.resolver';
import { RecordAccessResolver } from './resolvers/record-access.resolver';
import { keepTrailPartitions, retentionMonths } from './trail-partitions';

/** The audit trail: every read of a client's file, who made it, and which fields it asked for. */
export const definition: SubgraphDefinition<AuditLoaders> = {
  name: 'audit',
  resolvers: [AccessLogResolver, RecordAccessResolver],
  orphanedTypes: [Client],
  referenceResolvers: {
    // Whether the caller may see a client's log is decided on the field itself.
    Client: ({ uci }) => ({ uci }),
  },
  migrations,
  createLoaders: createAuditLoaders,
  // Reads can go on from a replica or a full disk; the gateway serves nothing it cannot record.
  readiness: (db) => ({
    writable: async () => {
      const [{ writable }] = await db.query<{ writable: boolean }>(
        `SELECT NOT pg_is_in_recovery() AND NOT current_setting('transaction_read_only')::boolean
           AND has_table_privilege(current_user, 'access_event', 'INSERT') AS writable`,
      );
      return writable ? { ok: true } : { ok: false, detail: 'the access trail cannot be written' };
    },
  }),
  upkeep: {
    everyMs: 60 * 60 * 1000,
    run: async (db, logger) => {
      const months = retentionMonths();
      const done = await keepTrailPartitions(db, { now: new Date(), retentionMonths: months });
      if (done.created.length > 0)
        logger.info({ months: done.created }, `access trail: partitions made for ${done.created.join(', ')}`);
      for (const dropped of done.dropped)
        logger.warn(
          { ...dropped, retentionMonths: months },
          `access trail: ${dropped.month} dropped (${dropped.events} requests, ${dropped.files} file records), older than ${months} months`,
        );
    },
  },
  // The trail starts empty: it holds only what One Window itself served.
  seed: async () => undefined,
};
