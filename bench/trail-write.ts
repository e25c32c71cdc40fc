import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { AccessEvent } from '../platform/access-event';
import { positiveInteger } from '../platform/config';
import { PROJECT_ROOT } from '../platform/supergraph-config';
import { databaseName, startEmbeddedPostgres } from '../platform/store/embedded-postgres';
import { migrations } from '../subgraphs/audit/migrations';
import { auditStore } from '../subgraphs/audit/store';
import { keepTrailPartitions } from '../subgraphs/audit/trail-partitions';
import { migrate } from '../subgraphs/kit/db/migrations';
import { Database } from '../subgraphs/kit/db/database';
import { openPostgres } from '../subgraphs/kit/db/postgres-database';
import { uciAt } from '../subgraphs/kit/seed/population';
import { commandLine } from '../bin/tools/command-line';
import { median } from './report';

/**
 * `node dist/bench/trail-write.js --clients N [--writes W]`: what writing the audit trail costs
 * with the trail a bench store holds (`npm run seed -- --access-events 50000000`) against an
 * empty trail on the same server, side by side: the writes alternate between the two, each the
 * batch a gateway's outbox sends (a few requests reading one file each, with a client file's
 * fields). Writes `bench/results/trail-write-<N>.md`.
 */
const options = commandLine(
  { clients: { type: 'string' }, writes: { type: 'string' }, batch: { type: 'string' } },
  'node dist/bench/trail-write.js --clients N [--writes W] [--batch B]',
);
const clients = positiveInteger(options.clients, 1_000_000, '--clients');
const writes = positiveInteger(options.writes, 3_000, '--writes');
const batchSize = positiveInteger(options.batch, 4, '--batch');

const FIELDS = [
  'client.uci',
  'client.givenNames',
  'client.familyName',
  'client.applications.applicationNumber',
  'client.applications.status.status',
  'client.applications.stages.status',
  'client.applications.decision.officerNotes',
  'client.travelHistory.edges.node.occurredAt',
  'client.daysInCanada.days',
  'client.accessRequests.status',
];

let written = 0;
function batch(): AccessEvent[] {
  return Array.from({ length: batchSize }, () => {
    written += 1;
    return {
      requestId: `trail-write-${process.pid}-${written}`,
      occurredAt: new Date().toISOString(),
      readerSubject: `bench-officer-${written % 1000}`,
      readerRole: 'officer',
      readerClientId: 'officer-tools',
      readerScopes: ['case:read', 'case:notes', 'border:travel', 'atip:read'],
      operationName: 'ClientFile',
      operationHash: 'a'.repeat(64),
      deliveredFields: FIELDS,
      refusedFields: [],
      files: [{ clientUci: uciAt((written * 7_919) % clients), outcome: 'READ', fieldsShown: 'DELIVERED' }],
    };
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main(): Promise<void> {
  const dataDir = path.join(PROJECT_ROOT, '.bench-data', String(clients), 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, port: 0, databases: [databaseName('audit')] });
  const emptyName = `audit_empty_${process.pid}`;
  const admin = new Client(server.urlOf('postgres'));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${emptyName}`);
  const pool = { size: 1, statementTimeoutMs: 0, connectTimeoutMs: 5_000 };
  const full = await openPostgres(server.urlOf(databaseName('audit')), pool);
  const empty = await openPostgres(server.urlOf(emptyName), pool);
  try {
    await migrate(empty, migrations);
    await keepTrailPartitions(empty, { now: new Date(), retentionMonths: 24 });
    const [{ events }] = await full.query<{ events: number }>(
      // The planner's count (ANALYZE's), which a count(*) of fifty million rows would take seconds to confirm.
      `SELECT sum(greatest(c.reltuples, 0))::bigint AS events FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'access_event'::regclass`,
    );
    const times: Record<'full' | 'empty', number[]> = { full: [], empty: [] };
    const write = async (name: 'full' | 'empty', db: Database) => {
      const started = performance.now();
      await auditStore.record(db, batch());
      times[name].push(performance.now() - started);
    };
    // Warm both first, then alternate, so the machine's spells of noise fall on both alike.
    for (let i = 0; i < 200; i += 1)
      await Promise.all([auditStore.record(full, batch()), auditStore.record(empty, batch())]);
    for (let i = 0; i < writes; i += 1) {
      if (i % 2 === 0) {
        await write('full', full);
        await write('empty', empty);
      } else {
        await write('empty', empty);
        await write('full', full);
      }
    }
    const row = (name: 'full' | 'empty', label: string) => {
      const sorted = [...times[name]].sort((a, b) => a - b);
      const mean = sorted.reduce((sum, t) => sum + t, 0) / sorted.length;
      return { label, mean, p50: median(sorted), p99: percentile(sorted, 0.99) };
    };
    const rows = [
      row('empty', 'empty trail'),
      row('full', `about ${Number(events).toLocaleString('en-CA')} events`),
    ];
    const ratio = rows[1].mean / rows[0].mean;
    const report = [
      `Ran ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0].model.split(' ').slice(0, 2).join(' ')}, ${Math.round(os.totalmem() / 2 ** 30)} GiB.`,
      `${writes} writes to each trail, alternating, each a batch of ${batchSize} requests reading one file; one connection each; after 200 warm-up writes each.`,
      '',
      '| trail | mean ms | p50 ms | p99 ms |',
      '| --- | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.label} | ${r.mean.toFixed(2)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`),
      '',
      `Full trail / empty trail, mean: ${ratio.toFixed(3)}×`,
      '',
    ].join('\n');
    console.log(report);
    mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', `trail-write-${clients}.md`), report);
    writeFileSync(
      path.join(PROJECT_ROOT, 'bench', 'results', `trail-write-${clients}.json`),
      JSON.stringify({ events: Number(events), writes, batchSize, rows, ratio }, null, 2),
    );
  } finally {
    await full.close();
    await empty.close();
    await admin.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
