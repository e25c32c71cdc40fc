import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeFrenchDescriptions, composeSupergraph, printSubgraphSdl } from './tools/compose';
import { API_SCHEMA_SDL, printApiSchema } from './tools/api-schema';
import { frenchDescriptionsFile } from '../platform/language/schema-descriptions';
import { PROJECT_ROOT, readSupergraphConfig, SUPERGRAPH_SDL } from '../platform/supergraph-config';

/** `npm run compose`: prints every subgraph's SDL into schema/ and composes schema/supergraph.graphql. */
async function main(): Promise<void> {
  const { subgraphs } = readSupergraphConfig();
  const printed = [];
  for (const subgraph of subgraphs) {
    const sdl = await printSubgraphSdl(subgraph.name);
    writeFileSync(subgraph.schemaFile, sdl);
    console.log(`printed ${path.relative(PROJECT_ROOT, subgraph.schemaFile)}`);
    printed.push({ ...subgraph, sdl });
  }
  const { supergraphSdl, hints } = composeSupergraph(printed);
  writeFileSync(SUPERGRAPH_SDL, supergraphSdl);
  console.log(`composed ${path.relative(PROJECT_ROOT, SUPERGRAPH_SDL)}`);
  writeFileSync(API_SCHEMA_SDL, printApiSchema(supergraphSdl));
  console.log(`printed ${path.relative(PROJECT_ROOT, API_SCHEMA_SDL)}`);
  const french = composeFrenchDescriptions(
    subgraphs.map((subgraph) => subgraph.name),
    supergraphSdl,
  );
  writeFileSync(frenchDescriptionsFile(SUPERGRAPH_SDL), `${JSON.stringify(french, null, 2)}\n`);
  console.log(`described ${path.relative(PROJECT_ROOT, frenchDescriptionsFile(SUPERGRAPH_SDL))}`);
  for (const hint of hints) console.warn(`hint ${hint.definition.code}: ${hint.message}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
