import { Queryable } from '../kit/db/database';
import { groupLoader, rowLoader } from '../kit/loaders';
import { atipStore as store } from './store';
import { workflowStore } from './workflow-store';

export function createAtipLoaders(db: Queryable) {
  return {
    request: rowLoader(
      (numbers: readonly string[]) => store.requestsByNumber(db, numbers),
      (row) => row.requestNumber,
    ),
    requestsOfClient: groupLoader(
      (ucis: readonly string[]) => store.requestsByClient(db, ucis),
      (row) => row.clientUci,
    ),
    history: groupLoader(
      (numbers: readonly string[]) => workflowStore.eventsByRequest(db, numbers),
      (row) => row.requestNumber,
    ),
    requestsOfApplication: groupLoader(
      (numbers: readonly string[]) => store.requestsByApplication(db, numbers),
      (row) => row.applicationNumber ?? '',
    ),
  };
}

export type AtipLoaders = ReturnType<typeof createAtipLoaders>;
