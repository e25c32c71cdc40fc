import { SubgraphDefinition } from '../kit/subgraph-definition';
import { caseStore } from './store';
import { createCaseLoaders, CaseLoaders } from './loaders';
import { migrations } from './migrations';
import { ApplicationResolver } from './resolvers/application.resolver';
import { AuthorizationResolver } from './resolvers/authorization.resolver';
import { ClientResolver } from './resolvers/client.resolver';
import { RepresentativeResolver } from './resolvers/representative.resolver';
import { CaseServiceResolver } from './resolvers/case-service.resolver';
import { CASE_TEXTS } from './resolvers/texts.resolver';
import { seedCaseStore } from './seed';

/** IRCC case management: owns Client, Application and Representative. */
export const definition: SubgraphDefinition<CaseLoaders> = {
  name: 'ircc-case',
  resolvers: [
    ClientResolver,
    ApplicationResolver,
    RepresentativeResolver,
    AuthorizationResolver,
    CaseServiceResolver,
    ...CASE_TEXTS,
  ],
  referenceResolvers: {
    Client: async ({ uci }, { loaders, access }) => {
      await access.assertMayRead(uci);
      return loaders.client.load(uci);
    },
    Application: async ({ applicationNumber }, { loaders, access }) => {
      const application = await loaders.application.load(applicationNumber);
      if (application) await access.assertMayRead(application.clientUci);
      return application;
    },
    Representative: ({ id }, { loaders }) => loaders.representative.load(id),
  },
  migrations,
  createLoaders: createCaseLoaders,
  representedClients:
    ({ db }) =>
    (representativeId, ucis) =>
      caseStore.representedBy(db, representativeId, ucis),
  seed: seedCaseStore,
};
