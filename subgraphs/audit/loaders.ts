import { Queryable } from '../kit/db/database';
import { pageLoader } from '../kit/loaders';
import { auditStore as store } from './store';

export function createAuditLoaders(db: Queryable) {
  return {
    clientLog: pageLoader(
      (ucis: readonly string[], page) => store.clientLogPage(db, ucis, page),
      (row) => row.clientUci,
    ),
  };
}

export type AuditLoaders = ReturnType<typeof createAuditLoaders>;
