import { Queryable } from '../kit/db/database';
import { groupLoader, loaderFamily, pageLoader } from '../kit/loaders';
import { borderStore as store } from './store';

export function createBorderLoaders(db: Queryable) {
  return {
    travelPage: pageLoader(
      (ucis: readonly string[], page) => store.travelPage(db, ucis, page),
      (row) => row.clientUci,
    ),
    /** Crossings up to a period's end: clients counted over the same period share one statement. */
    crossingsUntil: loaderFamily((until: string) =>
      groupLoader(
        (ucis: readonly string[]) => store.crossingsUntil(db, ucis, until),
        (row) => row.clientUci,
      ),
    ),
    enforcement: groupLoader(
      (ucis: readonly string[]) => store.enforcementByClient(db, ucis),
      (row) => row.clientUci,
    ),
  };
}

export type BorderLoaders = ReturnType<typeof createBorderLoaders>;
