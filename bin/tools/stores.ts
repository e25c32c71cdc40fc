import path from 'node:path';
import { envPrefix } from '../../platform/config';
import { databaseName, startEmbeddedPostgres } from '../../platform/store/embedded-postgres';

export interface SubgraphStores {
  /** `<NAME>_DATABASE_URL` for every subgraph, to pass to its process. */
  urls: Record<string, string>;
  /** Stops the embedded server, if one was started. */
  stop: () => Promise<void>;
  /** Settles if the embedded server ends; never, when none was started. */
  exited: Promise<void>;
}

/**
 * A database for each subgraph: the one its `<NAME>_DATABASE_URL` names, else one on the
 * embedded PostgreSQL server kept in `<ONE_WINDOW_DATA_DIR>/postgres` (started here when any
 * subgraph needs it, on ONE_WINDOW_POSTGRES_PORT, 5433 by default).
 */
export async function subgraphStores(
  names: readonly string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<SubgraphStores> {
  const variable = (name: string) => `${envPrefix(name)}_DATABASE_URL`;
  const embedded = names.filter((name) => !env[variable(name)]);
  const configured = Object.fromEntries(
    names.filter((name) => env[variable(name)]).map((name) => [variable(name), env[variable(name)]!]),
  );
  if (embedded.length === 0)
    return { urls: configured, stop: async () => undefined, exited: new Promise(() => undefined) };
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(env.ONE_WINDOW_DATA_DIR ?? 'data', 'postgres'),
    port: Number(env.ONE_WINDOW_POSTGRES_PORT ?? 5433),
    databases: embedded.map(databaseName),
    log,
  });
  return {
    urls: {
      ...configured,
      ...Object.fromEntries(embedded.map((name) => [variable(name), server.urlOf(databaseName(name))])),
    },
    stop: server.stop,
    exited: server.exited,
  };
}
