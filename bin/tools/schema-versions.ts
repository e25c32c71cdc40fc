import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readSupergraphConfig } from '../../platform/supergraph-config';
import {
  ClassifiedChange,
  classifyChanges,
  documentErrors,
  RegisteredDocument,
  schemaFromSdl,
} from './schema-changes';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
/** The last released schemas, as front-end teams and partners built on them. */
export const RELEASED_DIR = path.join(SCHEMA_DIR, 'released');
export const RELEASE_FILE = path.join(RELEASED_DIR, 'release.json');
export const CHANGELOG = path.join(SCHEMA_DIR, 'CHANGELOG.md');

export interface Release {
  release: number;
  date: string;
}

/** The schemas a check compares: the API schema clients query, and each subgraph's SDL. */
export function checkedSchemas(): string[] {
  return ['api', ...readSupergraphConfig().subgraphs.map((subgraph) => subgraph.name)];
}

export const currentSdl = (name: string) => readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8');

export function releasedSdl(name: string): string | undefined {
  const file = path.join(RELEASED_DIR, `${name}.graphql`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function lastRelease(): Release | undefined {
  return existsSync(RELEASE_FILE) ? (JSON.parse(readFileSync(RELEASE_FILE, 'utf8')) as Release) : undefined;
}

/** The operations clients really send: the portal's documents and every partner's registered ones. */
export function registeredDocuments(): RegisteredDocument[] {
  const documents = path.join(PROJECT_ROOT, 'documents');
  const portal = path.join(documents, 'portal');
  const partners = path.join(documents, 'partners');
  const graphqlFiles = (folder: string) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.graphql'))
      .sort()
      .map((name) => path.join(folder, name));
  return [...graphqlFiles(portal), ...graphqlFiles(partners)].map((file) => ({
    path: path.relative(PROJECT_ROOT, file),
    text: readFileSync(file, 'utf8'),
  }));
}

export interface SchemaCheck {
  changes: ClassifiedChange[];
  brokenDocuments: { path: string; message: string }[];
  /** What makes the check fail, one line each; none when the schemas may ship. */
  failures: string[];
}

/** The checked-in schemas against the last release, and the registered documents against the API schema. */
export async function checkAgainstRelease(today: string): Promise<SchemaCheck> {
  const changes: ClassifiedChange[] = [];
  for (const name of checkedSchemas()) {
    const released = releasedSdl(name);
    // A subgraph added since the release has nothing to break.
    if (released !== undefined)
      changes.push(
        ...(await classifyChanges(name, schemaFromSdl(released), schemaFromSdl(currentSdl(name)), today)),
      );
  }
  const brokenDocuments = documentErrors(schemaFromSdl(currentSdl('api')), registeredDocuments());
  const failures = [
    ...brokenDocuments.map((broken) => `${broken.path} no longer validates: ${broken.message}`),
    ...changes
      .filter((change) => change.ruling && !change.ruling.allowed)
      .map((change) => `${change.schema}: ${change.message} (breaking: ${change.ruling!.why})`),
  ];
  return { changes, brokenDocuments, failures };
}
