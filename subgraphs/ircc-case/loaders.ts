import { Queryable } from '../kit/db/database';
import { groupLoader, pageLoader, rowLoader } from '../kit/loaders';
import { caseStore as store } from './store';

export function createCaseLoaders(db: Queryable) {
  return {
    client: rowLoader(
      (ucis: readonly string[]) => store.clientsByUci(db, ucis),
      (row) => row.uci,
    ),
    application: rowLoader(
      (numbers: readonly string[]) => store.applicationsByNumber(db, numbers),
      (row) => row.applicationNumber,
    ),
    applicationsOfClient: groupLoader(
      (ucis: readonly string[]) => store.applicationsByClient(db, ucis),
      (row) => row.clientUci,
    ),
    stages: groupLoader(
      (numbers: readonly string[]) => store.stagesByApplication(db, numbers),
      (row) => row.applicationNumber,
    ),
    decision: rowLoader(
      (numbers: readonly string[]) => store.decisionsByApplication(db, numbers),
      (row) => row.applicationNumber,
    ),
    documents: groupLoader(
      (numbers: readonly string[]) => store.documentsByApplication(db, numbers),
      (row) => row.applicationNumber,
    ),
    messages: groupLoader(
      (numbers: readonly string[]) => store.messagesByApplication(db, numbers),
      (row) => row.applicationNumber,
    ),
    representative: rowLoader(
      (ids: readonly string[]) => store.representativesById(db, ids),
      (row) => row.id,
    ),
    activeClients: pageLoader(
      (ids: readonly string[], page) => store.activeClientsPage(db, ids, page),
      (row) => row.representativeId,
    ),
    activeClientCount: rowLoader(
      (ids: readonly string[]) => store.activeClientCounts(db, ids),
      (row) => row.representativeId,
    ),
    authorizationsOfClient: groupLoader(
      (ucis: readonly string[]) => store.authorizationsByClient(db, ucis),
      (row) => row.clientUci,
    ),
  };
}

export type CaseLoaders = ReturnType<typeof createCaseLoaders>;
