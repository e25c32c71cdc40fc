import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { generateCallerKeys } from '../platform/caller-header';
import { envPrefix } from '../platform/config';
import { commandLine } from './tools/command-line';
import { loadOrCreateDevKeys } from './tools/dev-keys';
import { subgraphEndpoints } from '../platform/supergraph-config';

/**
 * `npm start`: runs each subgraph named in supergraph.yaml and then the gateway, each in its
 * own process as in production, with their output prefixed. `--clients N` and `--seed N`
 * size the seed of stores created on this run. Stops everything on Ctrl-C or if any part dies.
 */
const DIST = path.resolve(__dirname, '..');
const children: ChildProcess[] = [];

function run(
  label: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyLine: RegExp,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const relay = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let buffered = '';
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          out.write(`${label.padEnd(12)}| ${line}\n`);
          if (readyLine.test(line)) resolve();
        }
      });
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('exit', (code) => {
      reject(new Error(`${label} exited with code ${code}`));
      stopAll(code ?? 1);
    });
  });
}

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const options = commandLine(
    { clients: { type: 'string' }, seed: { type: 'string' } },
    'npm start -- [--clients N] [--seed N]',
  );
  if (options.clients) env.ONE_WINDOW_SEED_CLIENTS = options.clients;
  if (options.seed) env.ONE_WINDOW_SEED = options.seed;
  // The development token key the gateway trusts unless an identity provider is configured.
  if (!env.ONE_WINDOW_JWKS_URL) await loadOrCreateDevKeys();
  // The gateway signs the forwarded caller with a key made for this run; subgraphs get only the public half.
  if (!env.ONE_WINDOW_CALLER_SIGNING_KEY) {
    const keys = await generateCallerKeys();
    env.ONE_WINDOW_CALLER_SIGNING_KEY = keys.signingKey;
    env.ONE_WINDOW_CALLER_VERIFYING_KEY = keys.verifyingKey;
  }
  const endpoints = subgraphEndpoints(env);
  // Only the gateway holds the signing key.
  const { ONE_WINDOW_CALLER_SIGNING_KEY: _gatewayOnly, ...subgraphEnv } = env;
  await Promise.all(
    endpoints.map((endpoint) =>
      run(
        endpoint.name,
        path.join(DIST, 'subgraphs', 'kit', 'main.js'),
        [endpoint.name],
        { ...subgraphEnv, PORT: String(endpoint.port) },
        /ready at /,
      ),
    ),
  );
  const urls = Object.fromEntries(
    endpoints.map((endpoint) => [`${envPrefix(endpoint.name)}_URL`, endpoint.url]),
  );
  await run('gateway', path.join(DIST, 'gateway', 'main.js'), [], { ...env, ...urls }, /is ready at /);
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
main().catch((error: unknown) => {
  console.error(`[one-window] ${(error as Error).message}`);
  stopAll(1);
});
