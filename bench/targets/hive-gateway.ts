import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/supergraph-config';

/** The version the issue compares against; installed apart, so the product's own install stays lean. */
export const HIVE_GATEWAY_VERSION = '2.15.1';
const TOOLS = path.join(PROJECT_ROOT, '.bench-tools', `hive-gateway-${HIVE_GATEWAY_VERSION}`);
const BIN = path.join(TOOLS, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');

/** Installs Hive Gateway into .bench-tools/ (git-ignored) on first use. */
export function installHiveGateway(): void {
  if (existsSync(BIN)) return;
  console.log(
    `installing @graphql-hive/gateway@${HIVE_GATEWAY_VERSION} into ${path.relative(PROJECT_ROOT, TOOLS)}/ …`,
  );
  mkdirSync(TOOLS, { recursive: true });
  writeFileSync(path.join(TOOLS, 'package.json'), '{ "private": true }\n');
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', `@graphql-hive/gateway@${HIVE_GATEWAY_VERSION}`],
    {
      cwd: TOOLS,
      stdio: 'inherit',
    },
  );
}

/**
 * Starts Hive Gateway on `port`, serving the same supergraph with its routing URLs pointed at the
 * benchmark's subgraph processes, and resolves once it answers its readiness probe.
 */
export async function startHiveGateway(
  port: number,
  subgraphUrls: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  installHiveGateway();
  let supergraph = readFileSync(path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql'), 'utf8');
  for (const [name, url] of Object.entries(subgraphUrls))
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*`), `$1${url}`);
  const file = path.join(TOOLS, 'supergraph.graphql');
  writeFileSync(file, supergraph);
  const child = spawn(
    process.execPath,
    [
      BIN,
      'supergraph',
      file,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--fork',
      '1',
      '-c',
      path.join(PROJECT_ROOT, 'dist', 'bench', 'targets', 'hive-gateway-config.js'),
    ],
    {
      cwd: TOOLS,
      env: {
        ...env,
        NODE_ENV: 'production',
        BENCH_SUBGRAPH_BY_URL: JSON.stringify(
          Object.fromEntries(Object.entries(subgraphUrls).map(([n, u]) => [u, n])),
        ),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${port}/readiness`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error('Hive Gateway did not become ready in 20 s');
}
