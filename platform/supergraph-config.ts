import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { envPrefix } from './config';

/** The checkout's root, whether this runs from source (tests) or compiled under dist/. */
const oneUp = path.resolve(__dirname, '..');
export const PROJECT_ROOT = path.basename(oneUp) === 'dist' ? path.dirname(oneUp) : oneUp;
export const SUPERGRAPH_CONFIG = path.join(PROJECT_ROOT, 'supergraph.yaml');
export const SUPERGRAPH_SDL = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql');

export interface SubgraphEntry {
  name: string;
  routingUrl: string;
  /** Absolute path of the subgraph's printed SDL. */
  schemaFile: string;
  /** The subgraphs this one asks on a caller's behalf (One Window's own key, `asks`). */
  asks: string[];
  /** Where it answers /health, /ready and /metrics (One Window's own key, `admin_url`). */
  adminUrl: string;
}

interface RoverConfig {
  federation_version: string;
  subgraphs: Record<
    string,
    { routing_url: string; schema: { file: string }; asks?: string[]; admin_url?: string }
  >;
}

/** Reads supergraph.yaml, the rover-style list of subgraphs. */
export function readSupergraphConfig(file = SUPERGRAPH_CONFIG): {
  federationVersion: string;
  subgraphs: SubgraphEntry[];
} {
  const config = parse(readFileSync(file, 'utf8')) as RoverConfig;
  return {
    federationVersion: config.federation_version,
    subgraphs: Object.entries(config.subgraphs).map(([name, entry]) => ({
      name,
      routingUrl: entry.routing_url,
      schemaFile: path.resolve(path.dirname(file), entry.schema.file),
      asks: entry.asks ?? [],
      adminUrl: entry.admin_url ?? `http://127.0.0.1:0/`,
    })),
  };
}

export interface Endpoint {
  name: string;
  port: number;
  url: string;
  /** Its admin port (/health, /ready, /metrics). */
  adminPort: number;
  adminUrl: string;
}

/**
 * Where each subgraph listens: `<NAME>_URL` names a subgraph served elsewhere; `<NAME>_PORT`
 * moves a local one; otherwise supergraph.yaml's routing_url holds. Its admin port likewise, by
 * `<NAME>_ADMIN_URL`, `<NAME>_ADMIN_PORT` and `admin_url`.
 */
export function subgraphEndpoints(
  env: NodeJS.ProcessEnv = process.env,
  subgraphs = readSupergraphConfig().subgraphs,
): Endpoint[] {
  const located = (prefix: string, fallback: string) => {
    const url = new URL(env[`${prefix}_URL`] ?? fallback);
    if (env[`${prefix}_PORT`]) url.port = env[`${prefix}_PORT`]!;
    return url;
  };
  return subgraphs.map(({ name, routingUrl, adminUrl }) => {
    const url = located(envPrefix(name), routingUrl);
    // Served elsewhere: its admin port is on the same host unless said otherwise.
    const sameHost = new URL(adminUrl);
    if (env[`${envPrefix(name)}_URL`]) sameHost.hostname = url.hostname;
    const admin = located(`${envPrefix(name)}_ADMIN`, sameHost.toString());
    return {
      name,
      port: Number(url.port),
      url: url.toString(),
      adminPort: Number(admin.port),
      adminUrl: admin.toString(),
    };
  });
}
