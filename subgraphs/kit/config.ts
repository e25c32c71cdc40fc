import path from 'node:path';
import { StoreLocation } from './db/open-database';

export const DEFAULT_SEED = 20240507; // the day the Commissioner tabled "Access at Issue"
export const DEFAULT_SEED_CLIENTS = 500;

/** `ircc-case` → `IRCC_CASE`, the prefix of that subgraph's environment variables. */
export function envPrefix(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** Where a subgraph keeps its data: `<NAME>_DATABASE_URL`, else a folder under ONE_WINDOW_DATA_DIR. */
export function storeLocation(subgraphName: string, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const url = env[`${envPrefix(subgraphName)}_DATABASE_URL`];
  if (url) return { url };
  return { dataDir: path.resolve(env.ONE_WINDOW_DATA_DIR ?? 'data', subgraphName) };
}

export function seedSettings(env: NodeJS.ProcessEnv = process.env): { seed: number; clients: number } {
  return {
    seed: positiveInteger(env.ONE_WINDOW_SEED, DEFAULT_SEED, 'ONE_WINDOW_SEED'),
    clients: positiveInteger(env.ONE_WINDOW_SEED_CLIENTS, DEFAULT_SEED_CLIENTS, 'ONE_WINDOW_SEED_CLIENTS'),
  };
}

export function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number; got "${value}"`);
  return parsed;
}

/** The value after `--name` on the command line, if given. */
export function commandLineOption(name: string, argv: readonly string[] = process.argv): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}
