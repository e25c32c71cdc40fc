import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { generateCallerKeys } from '../platform/caller-header';
import { envPrefix, heapLimitFlags, positiveInteger } from '../platform/config';
import { subgraphEndpoints } from '../platform/supergraph-config';
import { commandLine } from './tools/command-line';
import { loadOrCreateDevKeys } from './tools/dev-keys';
import { mintSandboxToken, renewSandboxToken } from './tools/sandbox-token';
import { SandboxTokenMessage } from '../gateway/explorer/sandbox-token';
import { DEFAULT_ADMIN_PORT } from '../gateway/config';
import { SubgraphStores, subgraphStores } from './tools/stores';

/**
 * `npm start`: the embedded PostgreSQL server (unless every subgraph has a DATABASE_URL), each
 * subgraph named in supergraph.yaml, then the gateway, each in its own process as in
 * production. `--clients N` and `--seed N` size the seed of stores created on this run.
 *
 * Each part's heap is capped (platform/config.ts, heapLimitFlags).
 *
 * On Ctrl-C or SIGTERM it stops them in the order that loses nothing: the gateway first (it
 * finishes its requests and writes their audit records), then the subgraphs, then the store;
 * it exits 0 once all have. `npm start` execs this script, so npm passes SIGTERM and SIGINT
 * straight to it and exits with its code. If any part dies, or the process that started this
 * one does (npm killed outright), the rest are stopped the same way.
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
): Promise<string> {
  // Its own process group, so Ctrl-C reaches only this process, which stops the parts in order;
  // the IPC channel tells this process where the part is ready, and stops a part whose parent
  // is gone (see platform/signals.ts). Each part writes its JSON log lines straight to our output.
  const child = fork(script, args, {
    env,
    execArgv: [...process.execArgv, ...heapLimitFlags(label, env)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  group.push({ label, child, exited });
  return new Promise((resolve, reject) => {
    child.on('message', (message: { ready?: string }) => {
      if (message.ready) resolve(message.ready);
    });
    child.once('exit', (code) => {
      reject(new Error(`${label} exited with code ${code}`));
      void stopAll(stopping ? 0 : 1);
    });
  });
}

let stopping = false;
/** Stops renewing the explorers' development token (bin/tools/sandbox-token.ts). */
let stopRenewal = () => {};

/** How often this process looks for the process that started it (npm, a shell, a supervisor). */
const PARENT_CHECK_MS = 1000;

/**
 * Stops every part when the process that started this one is gone (npm killed with SIGKILL, a
 * closed terminal): it is then re-parented, and nothing else would ever stop the parts.
 */
function watchParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      console.error('[one-window] the process that started One Window is gone; stopping');
      void stopAll(0);
    }
  }, PARENT_CHECK_MS).unref();
}
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopRenewal();
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
  // The development token key the gateway trusts unless an identity provider is configured, and
  // tokens from it for the explorers, renewed while One Window runs (unless one was given).
  let mintSandbox: (() => Promise<string>) | undefined;
  if (!env.ONE_WINDOW_JWKS_URL) {
    const { privateKey, kid } = await loadOrCreateDevKeys();
    if (!env.ONE_WINDOW_SANDBOX_TOKEN) mintSandbox = () => mintSandboxToken(privateKey, kid, env);
  }
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
  // A store that dies takes the parts using it down, in order, rather than leave them failing.
  void stores.exited.then(() => {
    if (!stopping) console.error('[one-window] the embedded PostgreSQL server stopped');
    void stopAll(1);
  });
  // Only the gateway holds the signing key and the explorers' token; only subgraphs hold database URLs.
  const {
    ONE_WINDOW_CALLER_SIGNING_KEY: _signingKey,
    ONE_WINDOW_SANDBOX_TOKEN: _sandboxToken,
    ...subgraphEnv
  } = env;
  await Promise.all(
    endpoints.map((endpoint) =>
      run(subgraphs, endpoint.name, path.join(DIST, 'subgraphs', 'kit', 'main.js'), [endpoint.name], {
        ...subgraphEnv,
        ...stores!.urls,
        PORT: String(endpoint.port),
        ONE_WINDOW_ADMIN_PORT: String(endpoint.adminPort),
      }),
    ),
  );
  const urls = Object.fromEntries(
    endpoints.map((endpoint) => [`${envPrefix(endpoint.name)}_URL`, endpoint.url]),
  );
  // Minted last, so that the explorers' first token has its whole life ahead when the gateway is up.
  const firstSandboxToken = await mintSandbox?.();
  const url = await run(gateway, 'gateway', path.join(DIST, 'gateway', 'main.js'), [], {
    ...env,
    ...urls,
    ...(firstSandboxToken ? { ONE_WINDOW_SANDBOX_TOKEN: firstSandboxToken } : {}),
    ONE_WINDOW_ADMIN_PORT: env.GATEWAY_ADMIN_PORT ?? String(DEFAULT_ADMIN_PORT),
  });
  if (mintSandbox && firstSandboxToken) {
    const child = gateway[0].child;
    const log = (line: string) => console.error(`[one-window] ${line}`);
    stopRenewal = renewSandboxToken(
      firstSandboxToken,
      mintSandbox,
      (sandboxToken) => {
        // The gateway may be stopping: a message it can no longer take is dropped, not a crash.
        if (child.connected)
          child.send({ sandboxToken } satisfies SandboxTokenMessage, (error) => {
            if (error) log(`the development token could not be sent to the gateway: ${error.message}`);
          });
      },
      log,
    );
  }
  console.log(`[one-window] One Window is ready at ${url}`);
}

// A signal while stopping changes nothing: Ctrl-C reaches this process twice (from the terminal
// and from npm, which passes it on), and a supervisor may repeat SIGTERM.
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
watchParent();
main().catch((error: unknown) => {
  console.error(`[one-window] ${(error as Error).message}`);
  void stopAll(1);
});
