import { SubgraphDefinition } from '../kit/subgraph-definition';
import { CASE_MANAGEMENT, caseManagement } from '../ircc-case/contract';
import { Application } from './entities/application';
import { Client } from './entities/client';
import { AtipLoaders, createAtipLoaders } from './loaders';
import { migrations } from './migrations';
import { AccessRequestResolver } from './resolvers/access-request.resolver';
import {
  ApplicationAccessRequestsResolver,
  ClientAccessRequestsResolver,
} from './resolvers/access-requests-of.resolver';
import { OfficerWorkflowResolver } from './resolvers/officer-workflow.resolver';
import { SelfServiceCheckResolver } from './resolvers/self-service-check.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { SubmitAccessRequestResolver } from './resolvers/submit.resolver';
import { seedAtipStore } from './seed';
import { ATIP_TEXTS } from './resolvers/texts.resolver';

/** ATIP: access-to-information and privacy requests, their deadlines and outcomes. */
export const definition: SubgraphDefinition<AtipLoaders> = {
  name: 'atip',
  resolvers: [
    AccessRequestResolver,
    ClientAccessRequestsResolver,
    ApplicationAccessRequestsResolver,
    SubmitAccessRequestResolver,
    OfficerWorkflowResolver,
    SelfServiceCheckResolver,
    StatisticsResolver,
    ...ATIP_TEXTS,
  ],
  orphanedTypes: [Client, Application],
  referenceResolvers: {
    AccessRequest: async ({ requestNumber }, { loaders, access }) => {
      const request = await loaders.request.load(requestNumber);
      if (request) await access.assertMayRead(request.clientUci);
      return request;
    },
    Client: async ({ uci }, { access }) => {
      await access.assertMayRead(uci);
      return { uci };
    },
    Application: ({ applicationNumber }) => ({ applicationNumber }),
  },
  // Representatives' authorizations are case management's: it is asked (supergraph.yaml `asks`).
  representedClients: ({ peers }) => caseManagement.representedClients(peers[CASE_MANAGEMENT]),
  migrations,
  createLoaders: createAtipLoaders,
  seed: seedAtipStore,
};
