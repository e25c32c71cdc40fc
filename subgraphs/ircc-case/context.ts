import { SubgraphContext } from '../kit/subgraph-definition';
import { CaseLoaders } from './loaders';

export type CaseContext = SubgraphContext<CaseLoaders>;
