import { SubgraphContext } from '../kit/subgraph-definition';
import { BorderLoaders } from './loaders';

export type BorderContext = SubgraphContext<BorderLoaders>;
