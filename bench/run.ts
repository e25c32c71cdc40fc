import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markAuthorizationEnforced } from '../gateway/auth/enforced-features';
import { loadOrCreateDevKeys } from '../bin/tools/dev-keys';
import { commandLine } from '../bin/tools/command-line';
import { generateCallerKeys, signingKeyFromPem } from '../platform/caller-header';
import { onOff, positiveInteger } from '../platform/config';
import { PROJECT_ROOT, subgraphEndpoints } from '../platform/supergraph-config';
import { startCollector } from './collector';
import { serveJwks } from './jwks-server';
import { startBareGateway, startFederation, startGateway, stop } from './federation';
import { post } from './http-post';
import { closedLoop, LoadResult, openLoop, Outcome } from './load';
import { findProcess, ProcessUsage, waitUntilIdle } from './process-usage';
import { markdownReport, median, Run } from './report';
import { signedCallers } from './signed-callers';
import { DirectFloor } from './targets/direct-floor';
import { HIVE_GATEWAY_VERSION, startHiveGateway } from './targets/hive-gateway';
import { Operation, workloads } from './workloads';
import { warmStores } from './warm-stores';

/**
 * `npm run bench [-- options]`: One Window against Hive Gateway and the direct subgraph fetches,
 * side by side in one run on the same seeded stores and the same subgraph processes. See
 * BENCHMARKS.md for what each workload, target and number is.
 */
const USAGE =
  'npm run bench -- [--clients N] [--duration S] [--connections C] [--rates 50,100,200|none] [--overload S] [--repeat R] [--workloads a,b] [--targets a,b] [--tracing on|off] [--warm on|off] [--out NAME] [--profile DIR]';
const options = commandLine(
  {
    clients: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    rates: { type: 'string' },
    overload: { type: 'string' },
    repeat: { type: 'string' },
    workloads: { type: 'string' },
    targets: { type: 'string' },
    tracing: { type: 'string' },
    warm: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'string' },
  },
  USAGE,
);
const clients = positiveInteger(options.clients, 10_000, '--clients');
const duration = positiveInteger(options.duration, 10, '--duration');
const connections = positiveInteger(options.connections, 10, '--connections');
const repeat = positiveInteger(options.repeat, 3, '--repeat');
const rates =
  options.rates === 'none'
    ? []
    : (options.rates ?? '50,100,200').split(',').map((rate) => positiveInteger(rate, 0, '--rates'));
/** Seconds of twice One Window's measured capacity (0: none). */
const overloadSeconds = positiveInteger(options.overload, 60, '--overload');
const tracing = onOff(options.tracing, false, '--tracing');
const warm = onOff(options.warm, true, '--warm');
const ALL_TARGETS = [
  'one-window',
  'one-window-bare',
  'one-window-unadmitted',
  'one-window-direct-audit',
  'hive-gateway',
  'direct',
] as const;
type TargetName = (typeof ALL_TARGETS)[number];
const chosenTargets = (options.targets?.split(',') ?? [...ALL_TARGETS]) as TargetName[];
for (const target of chosenTargets)
  if (!ALL_TARGETS.includes(target)) {
    console.error(`unknown target ${target}\nusage: ${USAGE}`);
    process.exit(2);
  }

const PORTS = {
  gateway: 4100,
  postgres: 4105,
  collector: 4106,
  hive: 4107,
  bare: 4108,
  jwks: 4109,
  unadmitted: 4110,
  unadmittedAdmin: 4111,
  directAudit: 4112,
  directAuditAdmin: 4113,
};
/** The one connection that measures how quickly full service returns after an overload. */
const RECOVERY_SECONDS = 3;
const WARM_UP_SECONDS = 3;
const UNLOADED_SECONDS = 5;

async function main(): Promise<void> {
  const collector = tracing ? await startCollector(PORTS.collector) : null;
  const callerKeys = await generateCallerKeys();
  const { privateKey, kid } = await loadOrCreateDevKeys();
  const jwks = await serveJwks(PORTS.jwks);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Every target as it ships: production mode, tokens checked against a JWKS, the access log at
    // its shipped level.
    NODE_ENV: 'production',
    ONE_WINDOW_JWKS_URL: jwks.url,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ONE_WINDOW_DATA_DIR: path.join(PROJECT_ROOT, '.bench-data', String(clients)),
    GATEWAY_PORT: String(PORTS.gateway),
    IRCC_CASE_PORT: '4101',
    CBSA_BORDER_PORT: '4102',
    ATIP_PORT: '4103',
    AUDIT_PORT: '4104',
    ONE_WINDOW_POSTGRES_PORT: String(PORTS.postgres),
    ONE_WINDOW_CALLER_SIGNING_KEY: callerKeys.signingKey,
    ONE_WINDOW_CALLER_VERIFYING_KEY: callerKeys.verifyingKey,
    ...(tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${PORTS.collector}` } : {}),
    // Each workload comes from few tokens: per-caller limits would measure refusals, not the gateways.
    ONE_WINDOW_RATE_LIMIT_OFFICER: String(1e9),
    ONE_WINDOW_RATE_LIMIT_PARTNER: String(1e9),
    ONE_WINDOW_RATE_LIMIT_APPLICANT: String(1e9),
  };
  const subgraphUrls = Object.fromEntries(subgraphEndpoints(env).map(({ name, url }) => [name, url]));
  const started = Date.now();
  // With --profile, every process of the federation writes a CPU profile there (bench/profile-summary.ts reads them).
  const federation = await startFederation(clients, env, options.profile && path.resolve(options.profile));
  const startupSeconds = (Date.now() - started) / 1000;
  if (warm) {
    const warming = Date.now();
    const pages = await warmStores(env.ONE_WINDOW_DATA_DIR!, PORTS.postgres, Object.keys(subgraphUrls));
    console.log(
      `stores warmed: ${((pages * 8) / 1024).toFixed(0)} MB in ${((Date.now() - warming) / 1000).toFixed(1)} s`,
    );
  }
  const bare = chosenTargets.includes('one-window-bare')
    ? await startBareGateway({ ...env, GATEWAY_PORT: String(PORTS.bare) })
    : undefined;
  // One Window's own gateway with admission control off: what an overload does without it.
  const unadmitted = chosenTargets.includes('one-window-unadmitted')
    ? await startGateway({
        ...env,
        GATEWAY_PORT: String(PORTS.unadmitted),
        ONE_WINDOW_ADMIN_PORT: String(PORTS.unadmittedAdmin),
        ONE_WINDOW_CONCURRENCY: 'off',
      })
    : undefined;
  // One Window's own gateway writing each record to the trail before its answer, without the outbox.
  const directAudit = chosenTargets.includes('one-window-direct-audit')
    ? await startGateway({
        ...env,
        GATEWAY_PORT: String(PORTS.directAudit),
        ONE_WINDOW_ADMIN_PORT: String(PORTS.directAuditAdmin),
        ONE_WINDOW_AUDIT_WRITE: 'direct',
      })
    : undefined;
  const hive = chosenTargets.includes('hive-gateway')
    ? await startHiveGateway(PORTS.hive, subgraphUrls, env)
    : undefined;
  const runs: Run[] = [];
  try {
    const floor = new DirectFloor(
      // The floor enforces nothing; the subgraphs' own checks of the signed caller still hold.
      markAuthorizationEnforced(
        readFileSync(path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql'), 'utf8'),
      ),
      subgraphUrls,
      signedCallers(await signingKeyFromPem(callerKeys.signingKey)),
    );
    const targets: Record<TargetName, (operation: Operation) => Promise<string | null>> = {
      'one-window': throughGateway(`http://127.0.0.1:${PORTS.gateway}/`),
      'one-window-bare': throughGateway(`http://127.0.0.1:${PORTS.bare}/`),
      'one-window-unadmitted': throughGateway(`http://127.0.0.1:${PORTS.unadmitted}/`),
      'one-window-direct-audit': throughGateway(`http://127.0.0.1:${PORTS.directAudit}/`),
      'hive-gateway': throughGateway(`http://127.0.0.1:${PORTS.hive}/graphql`),
      direct: async ({ query, variables, authorization }) =>
        (await floor.run(query, variables, authorization)) ? null : 'a subgraph answered with errors',
    };
    const root = federation.pid!;
    const groups: Record<string, number> = {
      gateway: findProcess(root, 'gateway/main.js'),
      ...Object.fromEntries(
        Object.keys(subgraphUrls).map((name) => [name, findProcess(root, `main.js ${name}`)]),
      ),
      postgres: findProcess(root, 'bin/postgres.js'),
      ...(bare ? { 'bare gateway': bare.pid! } : {}),
      ...(unadmitted ? { 'unadmitted gateway': unadmitted.pid! } : {}),
      ...(directAudit ? { 'direct-audit gateway': directAudit.pid! } : {}),
      ...(hive ? { 'hive gateway': hive.pid! } : {}),
      // The load generator and the direct floor, without the processes it started.
      bench: -process.pid,
    };
    const federationGroups = Object.fromEntries(
      Object.entries(groups).filter(([name]) => name !== 'bench' && !name.endsWith('gateway')),
    );
    const chosen = (await workloads(clients, privateKey, kid)).filter(
      (workload) => !options.workloads || options.workloads.split(',').includes(workload.name),
    );
    for (const workload of chosen) {
      for (const target of chosenTargets) {
        const problem = await targets[target](workload.operation(0));
        if (problem) throw new Error(`${target} could not run ${workload.name}: ${problem}`);
      }
      const measure = async (target: TargetName, repetition: number, load: () => Promise<LoadResult>) => {
        const usage = new ProcessUsage(groups);
        const result = await load();
        const run: Run = { workload: workload.name, target, repetition, result, usage: usage.stop() };
        runs.push(run);
        console.log(describe(run));
      };
      const sendTo = (target: TargetName) => async (index: number) =>
        outcomeOf(await targets[target](workload.operation(index)));
      for (const target of chosenTargets) await closedLoop(sendTo(target), connections, WARM_UP_SECONDS);
      // Every mode is repeated with the targets in rotated order, so drift on a shared machine and
      // the cost of going first fall on all of them; each run starts once the federation is idle.
      const modes: [string, TargetName[], (target: TargetName) => Promise<LoadResult>][] = [
        ['closed', chosenTargets, (target) => closedLoop(sendTo(target), connections, duration)],
        ['unloaded', chosenTargets, (target) => closedLoop(sendTo(target), 1, UNLOADED_SECONDS)],
        ...rates.map((rate): [string, TargetName[], (target: TargetName) => Promise<LoadResult>] => [
          `open ${rate}/s`,
          chosenTargets.filter((name) => name !== 'one-window-bare'),
          (target) => openLoop(sendTo(target), rate, duration),
        ]),
      ];
      for (const [, targetsOfMode, load] of modes)
        for (let repetition = 0; repetition < repeat; repetition += 1)
          for (const target of rotated(targetsOfMode, repetition)) {
            await waitUntilIdle(federationGroups);
            await measure(target, repetition, () => load(target));
          }
      // Twice the capacity One Window showed in this run's closed loop, then at once one
      // connection: how much is still served, how it refuses the rest, and how soon it recovers.
      const capacity = median(
        runs
          .filter((run) => run.workload === workload.name && run.target === 'one-window')
          .filter((run) => run.result.mode === 'closed' && run.result.connections === connections)
          .map((run) => run.result.requestsPerSecond),
      );
      const overloaded = chosenTargets.filter((name) => name !== 'one-window-bare' && name !== 'direct');
      if (overloadSeconds > 0 && Number.isFinite(capacity) && capacity > 0)
        for (let repetition = 0; repetition < repeat; repetition += 1)
          for (const target of rotated(overloaded, repetition)) {
            await waitUntilIdle(federationGroups);
            await measure(target, repetition, async () => ({
              ...(await openLoop(sendTo(target), Math.round(2 * capacity), overloadSeconds)),
              phase: 'overload',
            }));
            await measure(target, repetition, async () => ({
              ...(await closedLoop(sendTo(target), 1, RECOVERY_SECONDS)),
              phase: 'recovery',
            }));
          }
    }
  } finally {
    await stop(hive);
    await stop(bare);
    await stop(unadmitted);
    await stop(directAudit);
    await stop(federation);
    collector?.close();
    jwks.server.close();
  }
  const report = {
    ranAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: {
      clients,
      duration,
      connections,
      repeat,
      rates,
      overloadSeconds,
      hiveGateway: HIVE_GATEWAY_VERSION,
      store: 'embedded PostgreSQL server, one database per subgraph',
      tracing: tracing ? `on, OTLP/HTTP (${collector!.batches()} batches exported)` : 'off',
    },
    startupSeconds,
    runs,
  };
  const name = options.out ?? `clients-${clients}`;
  mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(PROJECT_ROOT, 'bench', 'results', `${name}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const markdown = markdownReport(report);
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', `${name}.md`), markdown);
  console.log(`\n${markdown}\nwrote bench/results/${name}.json and .md`);
}

/** Posts an operation to a gateway; by hash where the caller runs trusted documents (every gateway holds them). */
function throughGateway(address: string) {
  const url = new URL(address);
  return async ({ query, variables, authorization, persistedHash }: Operation): Promise<string | null> => {
    const body = persistedHash
      ? { extensions: { persistedQuery: { version: 1, sha256Hash: persistedHash } }, variables }
      : { query, variables };
    // Every gateway is sent the language a portal sends, so each pays for choosing it.
    const { status, text } = await post(url, JSON.stringify(body), {
      authorization,
      'accept-language': ACCEPT_LANGUAGE,
    });
    return status === 200 && !text.includes('"errors"') ? null : `HTTP ${status}: ${text.slice(0, 300)}`;
  };
}

/** A 503 that says the target is over capacity is a refusal; any other problem is a failure. */
function outcomeOf(problem: string | null): Outcome {
  if (problem === null) return 'ok';
  return problem.startsWith('HTTP 503') && problem.includes('OVERLOADED') ? 'refused' : 'failed';
}

const ACCEPT_LANGUAGE = 'en-CA,en;q=0.9,fr-CA;q=0.8';

/** The targets in the order repetition `repetition` runs them: each goes first in turn. */
function rotated<Item>(items: readonly Item[], repetition: number): Item[] {
  const start = repetition % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function describe({ workload, target, result }: Run): string {
  const load = `${result.mode === 'closed' ? `${result.connections} conn` : `${result.targetRate}/s open`}${result.phase ? `, ${result.phase}` : ''}`;
  return `${workload} ${target} (${load}): ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.refused} refused, ${result.failed} failed, ${result.dropped} dropped`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
