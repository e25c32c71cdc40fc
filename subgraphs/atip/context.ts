import { SubgraphContext } from '../kit/subgraph-definition';
import { AtipLoaders } from './loaders';

export type AtipContext = SubgraphContext<AtipLoaders>;
