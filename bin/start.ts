import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { generateCallerKeys } from '../platform/caller-header';
import { envPrefix, positiveInteger } from '../platform/config';
import { subgraphEndpoints } from '../platform/supergraph-config';
import { commandLine } from './tools/command-line';
import { loadOrCreateDevKeys } from './tools/dev-keys';
import { SubgraphStores, subgraphStores } from './tools/stores';

/**
 * `npm start`: the embedded PostgreSQL server (unless every subgraph has a DATABASE_URL), each
 * subgraph named in supergraph.yaml, then the gateway, each in its own process as in
 * production. `--clients N` and `--seed N` size the seed of stores created on this run.
 *
 * On Ctrl-C or SIGTERM it stops them in the order that loses nothing: the gateway first (it
 * finishes its requests and writes their audit records), then the subgraphs, then the store;
 * it exits once all have. If any part dies, the rest are stopped the same way.
 */
const DIST = path.resolve(__dirname, '..');
interface Part {
  label: string;
  child: ChildProcess;
  exited: Promise<void>;
}
const gateway: Part[] = [];
const subgraphs: Part[] = [];
let stores: SubgraphStores | null = null;

function run(
  group: Part[],
  label: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<void> {
  // Its own process group, so Ctrl-C reaches only this process, which stops the parts in order;
  // the IPC channel stops a part whose parent is gone (see platform/signals.ts).
  const child = fork(script, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  group.push({ label, child, exited });
  return new Promise((resolve, reject) => {
    const relay = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let buffered = '';
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          out.write(`${line}\n`);
          if (ready.test(line)) resolve();
        }
      });
    };
    relay(child.stdout!, process.stdout);
    relay(child.stderr!, process.stderr);
    child.once('exit', (code) => {
      reject(new Error(`${label} exited with code ${code}`));
      void stopAll(stopping ? 0 : 1);
    });
  });
}

let stopping = false;
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const group of [gateway, subgraphs]) {
    for (const part of group) if (part.child.exitCode === null) part.child.kill('SIGTERM');
    await Promise.all(group.map((part) => part.exited));
  }
  await stores?.stop();
  process.exit(code);
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const options = commandLine(
    { clients: { type: 'string' }, seed: { type: 'string' } },
    'npm start -- [--clients N] [--seed N]',
  );
  if (options.clients) env.ONE_WINDOW_SEED_CLIENTS = String(positiveInteger(options.clients, 0, '--clients'));
  if (options.seed) env.ONE_WINDOW_SEED = String(positiveInteger(options.seed, 0, '--seed'));
  // The development token key the gateway trusts unless an identity provider is configured.
  if (!env.ONE_WINDOW_JWKS_URL) await loadOrCreateDevKeys();
  // The gateway signs the forwarded caller with a key made for this run; subgraphs get only the public half.
  if (!env.ONE_WINDOW_CALLER_SIGNING_KEY) {
    const keys = await generateCallerKeys();
    env.ONE_WINDOW_CALLER_SIGNING_KEY = keys.signingKey;
    env.ONE_WINDOW_CALLER_VERIFYING_KEY = keys.verifyingKey;
  }
  const endpoints = subgraphEndpoints(env);
  stores = await subgraphStores(
    endpoints.map((endpoint) => endpoint.name),
    env,
    (line) => console.log(`[one-window] ${line}`),
  );
  // Only the gateway holds the signing key; only subgraphs hold database URLs.
  const { ONE_WINDOW_CALLER_SIGNING_KEY: _gatewayOnly, ...subgraphEnv } = env;
  await Promise.all(
    endpoints.map((endpoint) =>
      run(
        subgraphs,
        endpoint.name,
        path.join(DIST, 'subgraphs', 'kit', 'main.js'),
        [endpoint.name],
        { ...subgraphEnv, ...stores!.urls, PORT: String(endpoint.port) },
        /ready at /,
      ),
    ),
  );
  const urls = Object.fromEntries(
    endpoints.map((endpoint) => [`${envPrefix(endpoint.name)}_URL`, endpoint.url]),
  );
  await run(
    gateway,
    'gateway',
    path.join(DIST, 'gateway', 'main.js'),
    [],
    { ...env, ...urls },
    /is ready at /,
  );
}

process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));
main().catch((error: unknown) => {
  console.error(`[one-window] ${(error as Error).message}`);
  void stopAll(1);
});
