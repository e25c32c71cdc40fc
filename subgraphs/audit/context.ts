import { SubgraphContext } from '../kit/subgraph-definition';
import { AuditLoaders } from './loaders';

export type AuditContext = SubgraphContext<AuditLoaders>;
