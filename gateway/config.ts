import path from 'node:path';
import { adminPort, drainMs, onOff, positiveInteger } from '../platform/config';
import { OperationLimits, operationLimits } from '../platform/operation-limits';
import { subgraphEndpoints, SUPERGRAPH_SDL } from '../platform/supergraph-config';
import { TokenSettings, tokenSettings } from './auth/token-verifier';
import { OutboxSettings } from './audit/outbox/audit-outbox';
import { RateLimits, rateLimits } from './traffic/rate-limits';

/** Everything the gateway process reads from its environment, read and checked in one place. */
export interface GatewayConfig {
  port: number;
  host?: string;
  supergraphFile: string;
  /** Where each subgraph named in supergraph.yaml is reached. */
  subgraphUrls: Record<string, string>;
  /** Where each subgraph answers /ready, for the gateway's own readiness. */
  subgraphAdminUrls: Record<string, string>;
  /** The gateway's /health, /ready and /metrics: ONE_WINDOW_ADMIN_PORT (9400) on loopback. */
  admin: { port: number; host: string };
  token: Omit<TokenSettings, 'publicKey'>;
  /** Where the development token key is kept, trusted only when no JWKS URL is set. */
  devKeysDir: string;
  /** The Ed25519 private key (PKCS#8 PEM) the forwarded caller is signed with. */
  callerSigningKey: string;
  limits: OperationLimits;
  rateLimits: RateLimits;
  /** ONE_WINDOW_REDIS_URL: rate limits shared by every gateway replica. */
  redisUrl?: string;
  exposure: Exposure;
  drainMs: number;
  /** Where records wait for the audit trail; none (ONE_WINDOW_AUDIT_WRITE=direct) writes each before its answer. */
  auditOutbox?: OutboxSettings;
}

/**
 * Which explorer a browser gets: Apollo Sandbox on the landing page (loaded from Apollo's servers)
 * with the bundled GraphiQL at /graphiql beside it, the bundled GraphiQL alone (a closed network:
 * nothing is loaded from elsewhere), or none.
 */
export type ExplorerMode = 'sandbox' | 'graphiql' | 'off';
const EXPLORER_MODES: readonly ExplorerMode[] = ['sandbox', 'graphiql', 'off'];

/**
 * What the gateway shows of itself. In development the explorer (Sandbox) and introspection are
 * on; in production (NODE_ENV=production) both are off unless ONE_WINDOW_EXPLORER or
 * ONE_WINDOW_INTROSPECTION turns them on, and the gateway refuses to start without an identity
 * provider: the development key must never guard real files.
 */
export interface Exposure {
  production: boolean;
  explorer: ExplorerMode;
  introspection: boolean;
  /**
   * A short-lived development token the explorer opens with in its headers
   * (ONE_WINDOW_SANDBOX_TOKEN, which `npm start` mints); never in production.
   */
  sandboxToken?: string;
}

export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const endpoints = subgraphEndpoints(env);
  const subgraphUrls = Object.fromEntries(endpoints.map((endpoint) => [endpoint.name, endpoint.url]));
  if (!subgraphUrls.audit)
    throw new Error('supergraph.yaml must name the audit subgraph: no access is served unaudited');
  const callerSigningKey = env.ONE_WINDOW_CALLER_SIGNING_KEY;
  if (!callerSigningKey)
    throw new Error("ONE_WINDOW_CALLER_SIGNING_KEY must hold the gateway's Ed25519 private key (PKCS#8 PEM)");
  return {
    port: positiveInteger(env.GATEWAY_PORT, 4000, 'GATEWAY_PORT'),
    host: env.HOST,
    supergraphFile: env.ONE_WINDOW_SUPERGRAPH ?? SUPERGRAPH_SDL,
    subgraphUrls,
    subgraphAdminUrls: Object.fromEntries(endpoints.map((endpoint) => [endpoint.name, endpoint.adminUrl])),
    admin: adminPort(env, DEFAULT_ADMIN_PORT),
    token: tokenSettings(env),
    devKeysDir: devKeysDir(env),
    callerSigningKey,
    limits: operationLimits(env),
    rateLimits: rateLimits(env),
    redisUrl: env.ONE_WINDOW_REDIS_URL || undefined,
    exposure: exposure(env),
    drainMs: drainMs(env),
    auditOutbox: auditOutbox(env),
  };
}

/**
 * The outbox by default (ONE_WINDOW_AUDIT_WRITE=outbox): in `<ONE_WINDOW_DATA_DIR>/audit-outbox/
 * gateway-<port>` unless ONE_WINDOW_AUDIT_OUTBOX_DIR names a directory, which must be on a disk
 * that outlives the process and belong to this gateway alone. `direct` is for a gateway without
 * such a disk (a container whose filesystem dies with it): each answer then waits for the trail.
 */
export function auditOutbox(env: NodeJS.ProcessEnv = process.env): OutboxSettings | undefined {
  const mode = env.ONE_WINDOW_AUDIT_WRITE || 'outbox';
  if (mode === 'direct') return undefined;
  if (mode !== 'outbox') throw new Error(`ONE_WINDOW_AUDIT_WRITE must be outbox or direct, not ${mode}`);
  const port = positiveInteger(env.GATEWAY_PORT, 4000, 'GATEWAY_PORT');
  return {
    dir: path.resolve(
      env.ONE_WINDOW_AUDIT_OUTBOX_DIR ||
        path.join(env.ONE_WINDOW_DATA_DIR ?? 'data', 'audit-outbox', `gateway-${port}`),
    ),
    maxLagMs: positiveInteger(env.ONE_WINDOW_AUDIT_MAX_LAG_MS, 30_000, 'ONE_WINDOW_AUDIT_MAX_LAG_MS'),
    maxBacklogBytes:
      positiveInteger(env.ONE_WINDOW_AUDIT_OUTBOX_MAX_MB, 1_024, 'ONE_WINDOW_AUDIT_OUTBOX_MAX_MB') *
      1024 *
      1024,
  };
}

/** Beside the subgraphs' 9401–9404 in supergraph.yaml. */
export const DEFAULT_ADMIN_PORT = 9400;

export function exposure(env: NodeJS.ProcessEnv = process.env): Exposure {
  const production = env.NODE_ENV === 'production';
  if (production && !env.ONE_WINDOW_JWKS_URL) {
    throw new Error(
      'NODE_ENV=production needs ONE_WINDOW_JWKS_URL: the development key is not trusted in production',
    );
  }
  return {
    production,
    explorer: explorerMode(env.ONE_WINDOW_EXPLORER, production),
    introspection: onOff(env.ONE_WINDOW_INTROSPECTION, !production, 'ONE_WINDOW_INTROSPECTION'),
    sandboxToken: production ? undefined : env.ONE_WINDOW_SANDBOX_TOKEN || undefined,
  };
}

function explorerMode(value: string | undefined, production: boolean): ExplorerMode {
  if (value === undefined || value === '') return production ? 'off' : 'sandbox';
  if (!(EXPLORER_MODES as readonly string[]).includes(value))
    throw new Error(`ONE_WINDOW_EXPLORER must be one of ${EXPLORER_MODES.join(', ')}; got "${value}"`);
  return value as ExplorerMode;
}

/** `.one-window/keys` unless ONE_WINDOW_KEYS_DIR says otherwise; never committed. */
export function devKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ONE_WINDOW_KEYS_DIR ?? path.join('.one-window', 'keys'));
}
