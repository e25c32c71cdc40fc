import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadOrCreateDevKeys } from '../../bin/tools/dev-keys';
import { mintToken } from '../../bin/tools/mint-token';
import { generateCallerKeys } from '../../platform/caller-header';
import { envPrefix } from '../../platform/config';
import { freePort } from '../../platform/free-port';
import { startSubgraphProcesses, SubgraphProcess } from '../fixtures/subgraph-processes';

/**
 * The audit trail's promise across a crash: the gateway process is killed with SIGKILL while
 * eight callers read through it, and started again on the same outbox. Every answer any caller
 * received has exactly one access record once the restarted gateway has shipped what the killed
 * one left, nothing is recorded twice, and the restarted gateway answers and records as before.
 * (A request the kill cut off may have its record without its answer: the record is made durable
 * before the answer leaves, never after.)
 */
const WORKERS = 8;
const KILL_AFTER_MS = 1_500;
const LOAD_MS = 2_500;

let subgraphs: SubgraphProcess[];
let keysDir: string;
let outboxDir: string;
let port: number;
let env: NodeJS.ProcessEnv;
let gateway: ChildProcess;
let token: string;

function launchGateway(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/gateway/main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      if (output.includes('One Window is ready')) return;
      output += chunk.toString();
      if (output.includes('One Window is ready')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`gateway exited (${code ?? signal}): ${output}`)));
  });
}

beforeAll(async () => {
  const callerKeys = await generateCallerKeys();
  subgraphs = await startSubgraphProcesses(callerKeys.verifyingKey);
  keysDir = mkdtempSync(path.join(os.tmpdir(), 'one-window-keys-'));
  outboxDir = mkdtempSync(path.join(os.tmpdir(), 'one-window-outbox-'));
  const devKeys = await loadOrCreateDevKeys(keysDir);
  token = await mintToken(devKeys.privateKey, devKeys.kid, {
    subject: 'officer-1',
    role: 'officer',
    scopes: ['case:read'],
    issuer: 'https://one-window.local/dev',
    audience: 'one-window',
  });
  port = await freePort();
  env = {
    ...process.env,
    LOG_LEVEL: 'info',
    GATEWAY_PORT: String(port),
    ONE_WINDOW_ADMIN_PORT: String(await freePort()),
    ONE_WINDOW_KEYS_DIR: keysDir,
    ONE_WINDOW_AUDIT_OUTBOX_DIR: outboxDir,
    ONE_WINDOW_CALLER_SIGNING_KEY: callerKeys.signingKey,
    ...Object.fromEntries(subgraphs.map((subgraph) => [`${envPrefix(subgraph.name)}_URL`, subgraph.url])),
  };
  gateway = await launchGateway();
});

afterAll(async () => {
  if (gateway && gateway.exitCode === null && gateway.signalCode === null) {
    const exited = new Promise((resolve) => gateway.once('exit', resolve));
    gateway.kill('SIGTERM');
    await exited;
  }
  for (const subgraph of subgraphs ?? []) await subgraph.stop();
  rmSync(keysDir, { recursive: true, force: true });
  rmSync(outboxDir, { recursive: true, force: true });
});

/** Reads a file under an operation name of its own; true when the whole answer came. */
async function read(operation: string): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `query ${operation} { client(uci: "1234-5678") { uci familyName } }` }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    return response.status === 200 && !body.errors;
  } catch {
    return false;
  }
}

it('keeps exactly one record of every answer given, across a SIGKILL and a restart', async () => {
  const run = randomUUID().replace(/-/g, '').slice(0, 12);
  const answered: string[] = [];
  const cutOff: string[] = [];
  let sent = 0;
  const started = Date.now();
  const killed = new Promise<void>((resolve) =>
    setTimeout(() => {
      gateway.kill('SIGKILL');
      resolve();
    }, KILL_AFTER_MS),
  );
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (Date.now() - started < LOAD_MS) {
        const operation = `Kill_${run}_${sent++}`;
        const whole = await read(operation);
        (whole ? answered : cutOff).push(operation);
      }
    }),
  );
  await killed;
  gateway = await launchGateway();
  for (let i = 0; i < 20; i += 1) {
    const operation = `Kill_${run}_after_${i}`;
    expect(await read(operation)).toBe(true);
    answered.push(operation);
  }

  const audit = new Client({ connectionString: subgraphs.find((s) => s.name === 'audit')!.databaseUrl });
  await audit.connect();
  const recorded = async () =>
    (
      await audit.query<{ operation: string; records: number }>(
        'SELECT operation_name AS operation, count(*)::int AS records FROM access_event WHERE operation_name LIKE $1 GROUP BY operation_name',
        [`Kill_${run}_%`],
      )
    ).rows;
  // The restarted gateway ships what the killed one left in the outbox: within seconds.
  let rows = await recorded();
  for (
    let waited = 0;
    waited < 15_000 && answered.some((op) => !rows.some((row) => row.operation === op));
    waited += 250
  ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    rows = await recorded();
  }
  await audit.end();
  const records = new Map(rows.map((row) => [row.operation, row.records]));

  expect(answered.length).toBeGreaterThan(20);
  expect(cutOff.length).toBeGreaterThan(0);
  expect(answered.filter((operation) => records.get(operation) !== 1)).toEqual([]);
  expect(rows.filter((row) => row.records !== 1)).toEqual([]);
});
