import { SubgraphDefinition } from '../kit/subgraph-definition';
import { CASE_MANAGEMENT, caseManagement } from '../ircc-case/contract';
import { Client } from './entities/client';
import { ENFORCEMENT_ACTION_TYPES } from './entities/enforcement-action';
import { BorderLoaders, createBorderLoaders } from './loaders';
import { migrations } from './migrations';
import { ClientBorderResolver } from './resolvers/client-border.resolver';
import { BORDER_TEXTS } from './resolvers/texts.resolver';
import { seedBorderStore } from './seed';

/** CBSA border records: extends Client with travel history, physical presence and enforcement. */
export const definition: SubgraphDefinition<BorderLoaders> = {
  name: 'cbsa-border',
  resolvers: [ClientBorderResolver, ...BORDER_TEXTS],
  orphanedTypes: [Client, ...ENFORCEMENT_ACTION_TYPES],
  referenceResolvers: {
    // The records are read per field; what is checked here is whether the caller may read them at all.
    Client: async ({ uci }, { access }) => {
      await access.assertMayRead(uci);
      return { uci };
    },
  },
  // Representatives' authorizations are case management's: it is asked (supergraph.yaml `asks`).
  representedClients: ({ peers }) => caseManagement.representedClients(peers[CASE_MANAGEMENT]),
  migrations,
  createLoaders: createBorderLoaders,
  seed: seedBorderStore,
};
