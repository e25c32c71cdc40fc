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
}

interface RoverConfig {
  federation_version: string;
  subgraphs: Record<string, { routing_url: string; schema: { file: string }; asks?: string[] }>;
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
    })),
  };
}

export interface Endpoint {
  name: string;
  port: number;
  url: string;
}

/**
 * Where each subgraph listens: `<NAME>_URL` names a subgraph served elsewhere; `<NAME>_PORT`
 * moves a local one; otherwise supergraph.yaml's routing_url holds.
 */
export function subgraphEndpoints(
  env: NodeJS.ProcessEnv = process.env,
  subgraphs = readSupergraphConfig().subgraphs,
): Endpoint[] {
  return subgraphs.map(({ name, routingUrl }) => {
    const prefix = envPrefix(name);
    const url = new URL(env[`${prefix}_URL`] ?? routingUrl);
    if (env[`${prefix}_PORT`]) url.port = env[`${prefix}_PORT`]!;
    return { name, port: Number(url.port), url: url.toString() };
  });
}
