import { Database } from './database';
import { openPGlite } from './pglite-database';
import { openPostgres } from './postgres-database';

export interface StoreLocation {
  /** PostgreSQL connection URL; when set, the embedded store is not used. */
  url?: string;
  /** Folder of the embedded store; omitted means in memory (tests). */
  dataDir?: string;
}

export function openDatabase(location: StoreLocation): Promise<Database> {
  return location.url ? openPostgres(location.url) : openPGlite(location.dataDir);
}
