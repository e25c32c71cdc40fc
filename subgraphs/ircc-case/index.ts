import { SubgraphDefinition } from '../kit/subgraph-definition';
import { createCaseLoaders, CaseLoaders } from './loaders';
import { migrations } from './migrations';
import { ApplicationResolver } from './resolvers/application.resolver';
import { AuthorizationResolver } from './resolvers/authorization.resolver';
import { ClientResolver } from './resolvers/client.resolver';
import { RepresentativeResolver } from './resolvers/representative.resolver';
import { seedCaseStore } from './seed';

/** IRCC case management: owns Client, Application and Representative. */
export const definition: SubgraphDefinition<CaseLoaders> = {
  name: 'ircc-case',
  resolvers: [ClientResolver, ApplicationResolver, RepresentativeResolver, AuthorizationResolver],
  referenceResolvers: {
    Client: ({ uci }, { loaders }) => loaders.client.load(uci),
    Application: ({ applicationNumber }, { loaders }) => loaders.application.load(applicationNumber),
    Representative: ({ id }, { loaders }) => loaders.representative.load(id),
  },
  migrations,
  createLoaders: createCaseLoaders,
  seed: seedCaseStore,
};
