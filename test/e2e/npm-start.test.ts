import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { postQuery } from '../fixtures/federation';
import { CLIENT_FILE } from '../../bench/flagship-queries';
import { documentationPages, examplesOf } from '../fixtures/documented-examples';
import { npmStart, NpmStarted, portsClosed } from '../fixtures/npm-start';

/** Starts the real processes with `npm start`, as a person does, and queries over HTTP. */

let started: NpmStarted;
let gatewayUrl: string;
let subgraphPort: number;
let adminPorts: Record<string, number>;
let env: NodeJS.ProcessEnv;

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

// Development tokens that live six seconds, so that their renewal (every three) is seen here.
const SANDBOX_TOKEN_TTL_S = 6;

beforeAll(async () => {
  started = await npmStart(200, { env: { ONE_WINDOW_SANDBOX_TOKEN_TTL: `${SANDBOX_TOKEN_TTL_S}s` } });
  ({ gatewayUrl, adminPorts, env } = started);
  subgraphPort = started.subgraphPorts['ircc-case'];
});

afterAll(() => started.cleanUp());

describe('npm start', () => {
  it('seeds every store on first run and says where the gateway is', () => {
    expect(started.output()).toMatch(/"service":"ircc-case".*"msg":"store ready .*200 clients/);
    expect(started.output()).toMatch(/"service":"cbsa-border".*"msg":"store ready .*200 clients/);
    expect(started.output()).toMatch(/"service":"atip".*"msg":"store ready .*200 clients/);
    expect(started.output()).toMatch(/"service":"audit".*"msg":"ready at/);
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
    expect(claims.exp - claims.iat).toBe(SANDBOX_TOKEN_TTL_S);
  });

  it('renews the development token while it runs, so a page loaded later opens with one that works', async () => {
    const pageToken = async () => {
      const html = await (
        await fetch(new URL('/graphiql', gatewayUrl), { headers: { accept: 'text/html' } })
      ).text();
      const token = /Bearer ([\w-]+\.[\w-]+\.[\w-]+)/.exec(html)![1];
      return {
        token,
        ...(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }),
      };
    };
    const first = await pageToken();
    let later = first;
    const until = Date.now() + SANDBOX_TOKEN_TTL_S * 1000;
    while (later.token === first.token && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      later = await pageToken();
    }
    expect(later.exp).toBeGreaterThan(first.exp);
    // Half its life at least is ahead of it when the page is served.
    expect(later.exp - Date.now() / 1000).toBeGreaterThanOrEqual(SANDBOX_TOKEN_TTL_S / 2 - 1);
    const { status, body } = await postQuery(gatewayUrl, CLIENT_FILE, { uci: '1234-5678' }, later.token);
    expect([status, body.errors]).toEqual([200, undefined]);
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

  it('runs every token command and curl of the README and docs/ as written, against what npm start runs', () => {
    const shown = documentationPages().flatMap(examplesOf);
    const shell = shown.filter((example) => example.settings.shell === 'npm-start');
    // Each block that mints a token or calls the gateway is one of them.
    const unrun = documentationPages()
      .flatMap((page) =>
        [...readFileSync(page, 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]),
      )
      .filter((code) => /curl |npm run -s token/.test(code))
      .filter((code) => !shell.some((example) => `${example.code}\n` === code));
    expect(unrun).toEqual([]);
    const { host } = new URL(gatewayUrl);
    // As a reader's shell runs them, with two stand-ins: \`npm run -s token\` without its rebuild,
    // and the gateway where the README says 127.0.0.1:4000.
    const prelude = `
      npm() { if [[ "$1 $2 $3" == "run -s token" ]]; then shift 3; [[ "$1" == -- ]] && shift; node dist/bin/token.js "$@"; else command npm "$@"; fi; }
      curl() { local a args=(); for a in "$@"; do a="\${a//http:\\/\\/127.0.0.1:4000\\//${gatewayUrl}}"; args+=("\${a//localhost:4000/${host}}"); done; command curl "\${args[@]}"; }
      set -e
    `;
    for (const example of shell) {
      const output = execFileSync('bash', ['-c', prelude + example.code], {
        cwd: path.resolve(__dirname, '../..'),
        env,
      }).toString();
      expect({ where: example.where, output }).toEqual({
        where: example.where,
        output: expect.stringMatching(new RegExp(example.settings['expect-output'] ?? '.')),
      });
    }
  });

  it('stops on SIGTERM to npm: the gateway before the subgraphs, every part ends, every port closes, and npm exits 0', async () => {
    const officer = token('--sub', 'o', '--role', 'officer', '--scope', 'case:read border:travel atip:read');
    // Five requests, each wholly sent before SIGTERM (on a busy machine a fixed wait was not enough).
    const sent = Array.from({ length: 5 }, () =>
      sendWhole(gatewayUrl, CLIENT_FILE, { uci: '1234-5678' }, officer),
    );
    await Promise.all(sent.map((request) => request.sent));
    const inFlight = sent.map((request) => request.answered);
    // What systemd, Docker or Kubernetes do: SIGTERM to the process they started, npm's.
    started.npm.kill('SIGTERM');
    // Requests already accepted are answered, then every part stops.
    expect(await Promise.all(inFlight)).toEqual([200, 200, 200, 200, 200]);
    expect(await started.exited).toBe(0);
    expect(await portsClosed(started.allPorts)).toEqual(started.allPorts.map(() => true));
    const order = ['"service":"gateway","msg":"stopping', '"service":"audit","msg":"stopping'].map((mark) =>
      started.output().indexOf(mark),
    );
    expect(order[0]).toBeGreaterThan(-1);
    expect(order[1]).toBeGreaterThan(order[0]);
  });
});
