import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/supergraph-config';
import { apiSchema } from './tools/api-schema';
import { persistedQueryManifest } from './tools/persisted-query-manifest';

export const DOCUMENTS_DIR = path.join(PROJECT_ROOT, 'documents');
export const PARTNERS_DIR = path.join(DOCUMENTS_DIR, 'partners');
export const MANIFESTS_DIR = path.join(DOCUMENTS_DIR, 'manifests');

/** Each partner's folder under documents/partners/, by OAuth client id, with its .graphql files. */
export function partnerDocuments(): { clientId: string; files: { path: string; text: string }[] }[] {
  return readdirSync(PARTNERS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = path.join(PARTNERS_DIR, entry.name);
      const files = readdirSync(folder)
        .filter((name) => name.endsWith('.graphql'))
        .sort()
        .map((name) => ({
          path: path.relative(PROJECT_ROOT, path.join(folder, name)),
          text: readFileSync(path.join(folder, name), 'utf8'),
        }));
      return { clientId: entry.name, files };
    });
}

/**
 * `npm run documents`: writes documents/manifests/<client>.json, the persisted-query manifest of
 * the documents each partner client may run (documents/partners/<client>/*.graphql), checked
 * against the API schema. Commit the manifests with the documents; a test fails when they differ.
 */
function main(): void {
  const schema = apiSchema();
  for (const { clientId, files } of partnerDocuments()) {
    const manifest = persistedQueryManifest(files, schema);
    const file = path.join(MANIFESTS_DIR, `${clientId}.json`);
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(
      `${path.relative(PROJECT_ROOT, file)}: ${manifest.operations.map((operation) => operation.name).join(', ')}`,
    );
  }
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
