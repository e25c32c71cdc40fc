import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateDevKeys } from '../bin/tools/dev-keys';
import { mintToken } from '../bin/tools/mint-token';
import { tokenSettings } from '../gateway/auth/token-verifier';
import { PROJECT_ROOT } from '../platform/supergraph-config';
import { onOff, positiveInteger } from '../platform/config';
import { createServer } from 'node:http';
import { commandLine } from '../bin/tools/command-line';
import { CLIENT_FILE, FLAGSHIP_VARIABLES, REPRESENTATIVE_CASELOAD } from './flagship-queries';

/**
 * `npm run bench [-- --clients N --duration S --connections C --tracing on|off --out NAME]`:
 * starts the federation as `npm start` does, on stores seeded with N clients (kept in
 * .bench-data/ between runs), then loads the gateway over HTTP with each flagship query for S
 * seconds while /metrics is scraped every 5 s as Prometheus would, and writes throughput and
 * latency percentiles to bench/results/<NAME or clients-N>.json. `--tracing on` exports every
 * span over OTLP/HTTP to a collector stand-in in this process, which reads and drops them.
 */
const options = commandLine(
  {
    clients: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    tracing: { type: 'string' },
    out: { type: 'string' },
  },
  'npm run bench -- [--clients N] [--duration S] [--connections C] [--tracing on|off] [--out NAME]',
);
const clients = positiveInteger(options.clients, 20_000, '--clients');
const duration = positiveInteger(options.duration, 15, '--duration');
const connections = positiveInteger(options.connections, 10, '--connections');
const tracing = onOff(options.tracing, false, '--tracing');
const GATEWAY_PORT = 4100;
const COLLECTOR_PORT = 4106;

const QUERIES = {
  clientFile: { query: CLIENT_FILE, variables: FLAGSHIP_VARIABLES.clientFile },
  representativeCaseload: {
    query: REPRESENTATIVE_CASELOAD,
    variables: FLAGSHIP_VARIABLES.representativeCaseload,
  },
};

function startFederation(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, 'dist', 'bin', 'start.js'), '--clients', String(clients)],
    {
      env: {
        ...process.env,
        ONE_WINDOW_DATA_DIR: path.join(PROJECT_ROOT, '.bench-data', String(clients)),
        GATEWAY_PORT: String(GATEWAY_PORT),
        IRCC_CASE_PORT: '4101',
        CBSA_BORDER_PORT: '4102',
        ATIP_PORT: '4103',
        AUDIT_PORT: '4104',
        ONE_WINDOW_POSTGRES_PORT: '4105',
        ...(tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${COLLECTOR_PORT}` } : {}),
        // The load comes from one officer token: the per-caller limit would measure refusals, not the gateway.
        ONE_WINDOW_RATE_LIMIT_OFFICER: String(1_000_000_000),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
      if (output.includes('One Window is ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`federation exited with ${code}`)));
  });
}

/** Stands in for an OpenTelemetry collector: takes OTLP/HTTP posts, counts them, keeps nothing. */
function startCollector(): Promise<{ batches: () => number; close: () => void }> {
  let batches = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      batches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(COLLECTOR_PORT, '127.0.0.1', () =>
      resolve({ batches: () => batches, close: () => server.close() }),
    ),
  );
}

async function main(): Promise<void> {
  const collector = tracing ? await startCollector() : null;
  const started = Date.now();
  const federation = await startFederation();
  const startupSeconds = (Date.now() - started) / 1000;
  const results: Record<string, unknown> = {};
  // An officer holding every read scope: the benchmark measures data, authorization and audit together.
  const { privateKey, kid } = await loadOrCreateDevKeys();
  const token = await mintToken(privateKey, kid, {
    subject: 'bench-officer',
    role: 'officer',
    scopes: ['case:read', 'case:notes', 'border:travel', 'border:enforcement', 'atip:read'],
    ttl: '1h',
    ...tokenSettings(),
  });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  try {
    for (const [name, body] of Object.entries(QUERIES)) {
      const url = `http://127.0.0.1:${GATEWAY_PORT}/`;
      const check = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
      const checked = (await check.json()) as { errors?: unknown };
      if (checked.errors) throw new Error(`${name} answered with errors: ${JSON.stringify(checked.errors)}`);
      // Prometheus scrapes every 15 s by default; every 5 s is a demanding setup.
      const scraper = setInterval(
        () =>
          void fetch(`${url}metrics`)
            .then((response) => response.arrayBuffer())
            .catch(() => undefined),
        5_000,
      );
      const run = await autocannon({
        url,
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        connections,
        duration,
      });
      clearInterval(scraper);
      results[name] = {
        requestsPerSecond: run.requests.average,
        latencyMs: { p50: run.latency.p50, p90: run.latency.p90, p99: run.latency.p99, max: run.latency.max },
        requests: run.requests.total,
        errors: run.errors + run.timeouts,
        non2xx: run.non2xx,
      };
      console.log(
        `${name}: ${run.requests.average.toFixed(0)} req/s, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, ${run.errors} errors, ${run.non2xx} non-2xx`,
      );
    }
  } finally {
    federation.kill('SIGTERM');
    await new Promise((resolve) => federation.once('exit', resolve));
    collector?.close();
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
      store: 'embedded PostgreSQL server, one database per subgraph, separate processes',
      metrics: 'on, scraped every 5 s',
      tracing: tracing ? `on, OTLP/HTTP (${collector!.batches()} batches exported)` : 'off',
    },
    startupSeconds,
    results,
  };
  mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  const file = path.join('bench', 'results', `${options.out ?? `clients-${clients}`}.json`);
  writeFileSync(path.join(PROJECT_ROOT, file), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
