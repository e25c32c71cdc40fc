import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../platform/store/embedded-postgres';
import { startTestRedis } from './fixtures/redis-server';

/**
 * One embedded PostgreSQL server for the whole run, as `npm start` runs it: integration and
 * end-to-end suites create their own databases on it (test/fixtures/postgres.ts). And one Redis
 * server, when `redis-server` is installed, for the suites about gateway replicas.
 */
export default async function globalSetup(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'one-window-test-'));
  // Under root the server runs as the `postgres` user, who must be able to reach its folder.
  chmodSync(folder, 0o755);
  const dataDir = path.join(folder, 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, port: 0, databases: [], persistent: false });
  process.env.ONE_WINDOW_TEST_POSTGRES_URL = server.urlOf('postgres');
  const redis = await startTestRedis();
  if (redis) process.env.ONE_WINDOW_TEST_REDIS_URL = redis.url;
  (globalThis as { stopTestServers?: () => Promise<void> }).stopTestServers = async () => {
    await redis?.stop();
    await server.stop();
  };
}
