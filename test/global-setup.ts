import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../platform/store/embedded-postgres';

/**
 * One embedded PostgreSQL server for the whole run, as `npm start` runs it: integration and
 * end-to-end suites create their own databases on it (test/fixtures/postgres.ts).
 */
export default async function globalSetup(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'one-window-test-'));
  // Under root the server runs as the `postgres` user, who must be able to reach its folder.
  chmodSync(folder, 0o755);
  const dataDir = path.join(folder, 'postgres');
  const server = await startEmbeddedPostgres({ dataDir, port: 0, databases: [], persistent: false });
  process.env.ONE_WINDOW_TEST_POSTGRES_URL = server.urlOf('postgres');
  (globalThis as { stopTestPostgres?: () => Promise<void> }).stopTestPostgres = server.stop;
}
