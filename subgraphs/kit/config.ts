import { adminPort, drainMs, envPrefix, positiveInteger } from '../../platform/config';
import { OperationLimits, operationLimits } from '../../platform/operation-limits';
import { readSupergraphConfig, subgraphEndpoints } from '../../platform/supergraph-config';
import { PoolSettings, SERVING_POOL } from './db/postgres-database';

/** Everything one subgraph process reads from its environment, read and checked in one place. */
export interface SubgraphConfig {
  port: number;
  host?: string;
  /** The subgraph's own PostgreSQL database. */
  databaseUrl: string;
  /** A streaming replica of it for requests that write nothing (`<NAME>_READ_DATABASE_URL`), and how stale it may be. */
  readReplica?: { url: string; maxLagMs: number; checkEveryMs: number };
  pool: PoolSettings;
  seed: { seed: number; clients: number };
  /** The gateway's Ed25519 public key (SPKI PEM): only callers it signed get in. */
  callerVerifyingKey: string;
  /** Where the subgraphs this one asks (`asks` in supergraph.yaml) are reached. */
  peerUrls: Record<string, string>;
  limits: OperationLimits;
  /** How long SIGTERM waits for requests in flight (ONE_WINDOW_DRAIN_MS, 10 s). */
  drainMs: number;
  /** /health, /ready and /metrics: ONE_WINDOW_ADMIN_PORT (npm start sets it from supergraph.yaml's admin_url). */
  admin: { port: number; host: string };
}

export function subgraphConfig(name: string, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const entry = readSupergraphConfig().subgraphs.find((subgraph) => subgraph.name === name);
  if (!entry) throw new Error(`supergraph.yaml names no subgraph "${name}"`);
  const endpoints = new Map(subgraphEndpoints(env).map((endpoint) => [endpoint.name, endpoint.url]));
  const callerVerifyingKey = env.ONE_WINDOW_CALLER_VERIFYING_KEY;
  if (!callerVerifyingKey)
    throw new Error("ONE_WINDOW_CALLER_VERIFYING_KEY must hold the gateway's Ed25519 public key (SPKI PEM)");
  return {
    port: positiveInteger(env.PORT, 0, 'PORT'),
    host: env.HOST,
    databaseUrl: databaseUrl(name, env),
    readReplica: readReplicaSettings(name, env),
    pool: poolSettings(env),
    seed: seedSettings(env),
    callerVerifyingKey,
    peerUrls: Object.fromEntries(
      entry.asks.map((peer) => [peer, endpoints.get(peer) ?? missingPeer(name, peer)]),
    ),
    limits: operationLimits(env),
    drainMs: drainMs(env),
    admin: adminPort(env, 0),
  };
}

function missingPeer(name: string, peer: string): never {
  throw new Error(`${name} asks "${peer}", which supergraph.yaml does not name`);
}

export const DEFAULT_SEED = 20240507; // the day the Commissioner tabled "Access at Issue"
export const DEFAULT_SEED_CLIENTS = 500;

/** `<NAME>_DATABASE_URL`: `npm start` sets it to the embedded server's database unless it is set. */
export function databaseUrl(subgraphName: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = `${envPrefix(subgraphName)}_DATABASE_URL`;
  const url = env[variable];
  if (!url)
    throw new Error(`${variable} must name the ${subgraphName} database (npm start runs one for you)`);
  return url;
}

/**
 * `<NAME>_READ_DATABASE_URL`: a streaming replica of the subgraph's database, read while it is at
 * most ONE_WINDOW_READ_REPLICA_MAX_LAG_MS (1000) behind, checked every second.
 */
function readReplicaSettings(name: string, env: NodeJS.ProcessEnv): SubgraphConfig['readReplica'] {
  const url = env[`${envPrefix(name)}_READ_DATABASE_URL`];
  if (!url) return undefined;
  return {
    url,
    maxLagMs: positiveInteger(
      env.ONE_WINDOW_READ_REPLICA_MAX_LAG_MS,
      1_000,
      'ONE_WINDOW_READ_REPLICA_MAX_LAG_MS',
    ),
    checkEveryMs: 1_000,
  };
}

export function poolSettings(env: NodeJS.ProcessEnv = process.env): PoolSettings {
  return {
    size: positiveInteger(env.ONE_WINDOW_DB_POOL_SIZE, SERVING_POOL.size, 'ONE_WINDOW_DB_POOL_SIZE'),
    statementTimeoutMs: positiveInteger(
      env.ONE_WINDOW_DB_STATEMENT_TIMEOUT_MS,
      SERVING_POOL.statementTimeoutMs,
      'ONE_WINDOW_DB_STATEMENT_TIMEOUT_MS',
    ),
    connectTimeoutMs: positiveInteger(
      env.ONE_WINDOW_DB_CONNECT_TIMEOUT_MS,
      SERVING_POOL.connectTimeoutMs,
      'ONE_WINDOW_DB_CONNECT_TIMEOUT_MS',
    ),
    transactionPooler: poolerMode(env.ONE_WINDOW_DB_POOLER),
  };
}

/** ONE_WINDOW_DB_POOLER: `transaction` when every database URL reaches PostgreSQL through PgBouncer in transaction mode. */
function poolerMode(value: string | undefined): boolean {
  if (!value || value === 'none') return false;
  if (value === 'transaction') return true;
  throw new Error(`ONE_WINDOW_DB_POOLER must be none or transaction, not ${value}`);
}

export function seedSettings(env: NodeJS.ProcessEnv = process.env): { seed: number; clients: number } {
  return {
    seed: positiveInteger(env.ONE_WINDOW_SEED, DEFAULT_SEED, 'ONE_WINDOW_SEED'),
    clients: positiveInteger(env.ONE_WINDOW_SEED_CLIENTS, DEFAULT_SEED_CLIENTS, 'ONE_WINDOW_SEED_CLIENTS'),
  };
}
