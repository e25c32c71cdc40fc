import path from 'node:path';
import { SubgraphDefinition } from './subgraph-definition';

/**
 * A subgraph's definition from subgraphs/<name>. Required by path because which subgraphs exist
 * is decided by supergraph.yaml, not by imports.
 */
export function loadDefinition(name: string): SubgraphDefinition<unknown> {
  const module = require(path.resolve(__dirname, '..', name)) as { definition: SubgraphDefinition<unknown> };
  return module.definition;
}
