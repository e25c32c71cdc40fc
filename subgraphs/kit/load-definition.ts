import path from 'node:path';
import { SubgraphDefinition } from './subgraph-definition';

/**
 * A subgraph's definition from subgraphs/<name>. Required by path because which subgraphs exist
 * is decided by supergraph.yaml, not by imports.
 */
export function loadDefinition(name: string): SubgraphDefinition<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by the name supergraph.yaml gives, not by a static import
  const module = require(path.resolve(__dirname, '..', name)) as { definition: SubgraphDefinition<unknown> };
  return module.definition;
}
