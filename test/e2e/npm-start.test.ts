import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { freePort } from '../../platform/free-port';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postQuery } from '../fixtures/federation';
import { CLIENT_FILE } from '../../bench/flagship-queries';
import { envPrefix } from '../../platform/config';
import { readSupergraphConfig } from '../../platform/supergraph-config';

/** Starts the real processes the way `npm start` does (after `npm run build`) and queries over HTTP. */

let processes: ChildProcess;
let gatewayUrl: string;
let subgraphPort: number;
let adminPorts: Record<string, number>;
let allPorts: number[];
let dataDir: string;
let env: NodeJS.ProcessEnv;
let output = '';

/** A POST whose body has been handed to the network (`sent`), and its status once answered. */
function sendWhole(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const body = JSON.stringify({ query, variables });
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answered = new Promise<number | 'refused'>((resolve) => {
    const request = httpRequest(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'content-length': Buffer.byteLength(body),
      },
    });
    request.once('response', (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', () => (markSent(), resolve('refused')));
    request.end(body, markSent);
  });
  return { sent, answered };
}

/** A token from `npm run token`, as the README shows it. */
function token(...args: string[]): string {
  return execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/bin/token.js'), ...args], {
    env,
  })
    .toString()
    .trim();
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'one-window-e2e-'));
  // Under root the embedded server runs as the `postgres` user, who must reach the folder.
  chmodSync(dataDir, 0o755);
  // A free port for the gateway and for every subgraph supergraph.yaml names.
  const names = readSupergraphConfig().subgraphs.map((subgraph) => subgraph.name);
  const ports = await Promise.all(['gateway', ...names, 'postgres'].map(() => freePort()));
  subgraphPort = ports[1 + names.indexOf('ircc-case')];
  const admin = await Promise.all(['gateway', ...names].map(() => freePort()));
  adminPorts = Object.fromEntries(['gateway', ...names].map((name, index) => [name, admin[index]]));
  allPorts = [...ports, ...admin];
  // As a person runs it: not under jest's NODE_ENV=test, which changes Apollo Server's defaults.
  const { NODE_ENV: _jest, ...outside } = process.env;
  env = {
    ...outside,
    ONE_WINDOW_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ONE_WINDOW_KEYS_DIR: path.join(dataDir, 'keys'),
    GATEWAY_PORT: String(ports[0]),
    ONE_WINDOW_POSTGRES_PORT: String(ports[ports.length - 1]),
    ...Object.fromEntries(names.map((name, index) => [`${envPrefix(name)}_PORT`, String(ports[index + 1])])),
    GATEWAY_ADMIN_PORT: String(adminPorts.gateway),
    ...Object.fromEntries(names.map((name) => [`${envPrefix(name)}_ADMIN_PORT`, String(adminPorts[name])])),
  };
  processes = spawn(
    process.execPath,
    [path.resolve(__dirname, '../../dist/bin/start.js'), '--clients', '200'],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  gatewayUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /One Window is ready at (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    };
    processes.stdout!.on('data', onData);
    processes.stderr!.on('data', onData);
    processes.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
});

afterAll(async () => {
  if (processes && processes.exitCode === null) {
    const exited = new Promise((resolve) => processes.on('exit', resolve));
    processes.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('seeds every store on first run and says where the gateway is', () => {
    expect(output).toMatch(/"service":"ircc-case".*"msg":"store ready .*200 clients/);
    expect(output).toMatch(/"service":"cbsa-border".*"msg":"store ready .*200 clients/);
    expect(output).toMatch(/"service":"atip".*"msg":"store ready .*200 clients/);
    expect(output).toMatch(/"service":"audit".*"msg":"ready at/);
    expect(gatewayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers the flagship query with data from all three subgraphs to the applicant themself', async () => {
    const applicant = token(
      '--sub',
      '1234-5678',
      '--role',
      'applicant',
      '--scope',
      'case:read case:notes border:travel border:enforcement atip:read',
    );
    const { status, body } = await postQuery(gatewayUrl, CLIENT_FILE, { uci: '1234-5678' }, applicant);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.client.applications).toHaveLength(3);
    expect(body.data!.client.travelHistory.edges.length).toBeGreaterThan(0);
    expect(body.data!.client.accessRequests).toHaveLength(3);
  });

  it('shows the embedded Apollo Sandbox to a browser', async () => {
    const response = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('embeddable-sandbox');
  });

  it('opens Sandbox on the flagship operations with a working development token in its shared headers', async () => {
    const html = await (await fetch(gatewayUrl, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('query ClientFile($uci: ID!)');
    expect(html).toContain('query Caseload($id: ID!, $first: Int)');
    const token = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(html)![1];
    const { status, body } = await postQuery(gatewayUrl, CLIENT_FILE, { uci: '1234-5678' }, token);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.client.familyName).toBe('Okafor');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
  });

  it('takes an access request from a representative through to completion by an officer, and counts it', async () => {
    const representative = token(
      '--sub',
      'REP-000001',
      '--role',
      'representative',
      '--scope',
      'case:read atip:read',
    );
    const officer = token('--sub', 'atip-officer-1', '--role', 'officer', '--scope', 'atip:read atip:write');
    const filed = await postQuery(
      gatewayUrl,
      `mutation { submitAccessRequest(input: { act: ACCESS_TO_INFORMATION_ACT, institution: IRCC, clientUci: "1234-5678",
        description: "All emails and memos about my file", idempotencyKey: "e2e-1" }) { requestNumber status selfService { coversWholeRequest } } }`,
      undefined,
      representative,
    );
    expect(filed.body.errors).toBeUndefined();
    const { requestNumber } = filed.body.data!.submitAccessRequest;
    const step = async (mutation: string) =>
      (await postQuery(gatewayUrl, `mutation($n: ID!) { ${mutation} }`, { n: requestNumber }, officer)).body;
    expect((await step('startAccessRequest(requestNumber: $n) { status }')).data).toEqual({
      startAccessRequest: { status: 'IN_PROGRESS' },
    });
    const done = await step(
      'completeAccessRequest(input: { requestNumber: $n, disposition: ALL_DISCLOSED, pagesProcessed: 12, pagesReleased: 12 }) { status history { action } }',
    );
    expect(done.data!.completeAccessRequest).toEqual({
      status: 'COMPLETED',
      history: [{ action: 'SUBMIT' }, { action: 'START' }, { action: 'COMPLETE' }],
    });

    const year =
      new Date().getUTCMonth() >= 3 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1;
    const stats = await postQuery(
      gatewayUrl,
      `{ atipStatistics(institution: IRCC, fiscalYear: "${year}-${year + 1}") { received completed } }`,
    );
    expect(stats.body.data!.atipStatistics.completed).toBeGreaterThanOrEqual(1);
  });

  it('gives nothing away to a caller who reaches a subgraph port directly', async () => {
    const { status, body } = await postQuery(
      `http://127.0.0.1:${subgraphPort}/`,
      '{ client(uci: "1234-5678") { familyName } }',
    );
    expect(status).toBe(401);
    expect(body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(body)).not.toContain('Okafor');
  });

  it('refuses a request that is not JSON with a 400 and no stack trace', async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('tells operators it is alive and ready, on the admin ports of the gateway and each subgraph, and serves metrics there', async () => {
    const gatewayAdmin = `http://127.0.0.1:${adminPorts.gateway}`;
    expect((await fetch(`${gatewayAdmin}/health`)).status).toBe(200);
    const ready = await fetch(`${gatewayAdmin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { supergraph: { ok: true }, audit: { ok: true } },
    });
    expect((await fetch(`http://127.0.0.1:${adminPorts['ircc-case']}/ready`)).status).toBe(200);
    const metrics = await (await fetch(`${gatewayAdmin}/metrics`)).text();
    expect(metrics).toContain('one_window_requests_total{');
    // Not on the API port, which any caller reaches.
    for (const route of ['/health', '/ready', '/metrics'])
      expect((await fetch(new URL(route, gatewayUrl))).status).toBe(404);
  });

  it('stops on SIGTERM: the gateway before the subgraphs, every part ends, every port closes, and it exits 0', async () => {
    const officer = token('--sub', 'o', '--role', 'officer', '--scope', 'case:read border:travel atip:read');
    // Five requests, each wholly sent before SIGTERM (on a busy machine a fixed wait was not enough).
    const sent = Array.from({ length: 5 }, () =>
      sendWhole(gatewayUrl, CLIENT_FILE, { uci: '1234-5678' }, officer),
    );
    await Promise.all(sent.map((request) => request.sent));
    const inFlight = sent.map((request) => request.answered);
    const exited = new Promise<number | null>((resolve) => processes.once('exit', resolve));
    processes.kill('SIGTERM');
    // Requests already accepted are answered, then every part stops.
    expect(await Promise.all(inFlight)).toEqual([200, 200, 200, 200, 200]);
    expect(await exited).toBe(0);
    const refused = await Promise.all(
      allPorts.map(
        (port) =>
          new Promise<boolean>((resolve) => {
            const socket = connect(port, '127.0.0.1');
            socket.once('connect', () => (socket.destroy(), resolve(false)));
            socket.once('error', () => resolve(true));
          }),
      ),
    );
    expect(refused).toEqual(allPorts.map(() => true));
    const order = ['"service":"gateway","msg":"stopping', '"service":"audit","msg":"stopping'].map((mark) =>
      output.indexOf(mark),
    );
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[1]).toBeGreaterThan(order[0]);
  });
});
