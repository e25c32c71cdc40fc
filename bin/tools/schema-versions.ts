import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readSupergraphConfig, SUPERGRAPH_SDL } from '../../platform/supergraph-config';
import { DOCUMENTS_DIR, partnerDocuments } from '../documents';
import { printApiSchema } from './api-schema';
import {
  ClassifiedChange,
  classifyChanges,
  deprecatedPaths,
  documentErrors,
  RegisteredDocument,
  schemaFromSdl,
} from './schema-changes';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
/** The last released schemas, as front-end teams and partners built on them. */
export const RELEASED_DIR = path.join(SCHEMA_DIR, 'released');
export const RELEASE_FILE = path.join(RELEASED_DIR, 'release.json');
export const CHANGELOG = path.join(SCHEMA_DIR, 'CHANGELOG.md');
/** When each released deprecation was first released, by `<schema>:<Type.field[.argument]>`. */
export const DEPRECATIONS_FILE = path.join(RELEASED_DIR, 'deprecations.json');

export interface Release {
  release: number;
  date: string;
}

/** The schemas a check compares: the API schema clients query, and each subgraph's SDL. */
export function checkedSchemas(): string[] {
  return ['api', ...readSupergraphConfig().subgraphs.map((subgraph) => subgraph.name)];
}

/**
 * A schema as it is now: a subgraph's checked-in SDL, or the API schema derived from the checked-in
 * supergraph (not schema/api.graphql, which is printed from it and could be stale).
 */
export const currentSdl = (name: string) =>
  name === 'api'
    ? printApiSchema(readFileSync(SUPERGRAPH_SDL, 'utf8'))
    : readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8');

export function releasedSdl(name: string): string | undefined {
  const file = path.join(RELEASED_DIR, `${name}.graphql`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function lastRelease(): Release | undefined {
  return existsSync(RELEASE_FILE) ? (JSON.parse(readFileSync(RELEASE_FILE, 'utf8')) as Release) : undefined;
}

/** The operations clients really send: the portal's documents and every partner's registered ones. */
export function registeredDocuments(): RegisteredDocument[] {
  const portal = path.join(DOCUMENTS_DIR, 'portal');
  const portalDocuments = readdirSync(portal)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => ({
      path: path.relative(PROJECT_ROOT, path.join(portal, name)),
      text: readFileSync(path.join(portal, name), 'utf8'),
    }));
  return [...portalDocuments, ...partnerDocuments().flatMap((partner) => partner.files)];
}

export function releasedDeprecations(): Record<string, string> {
  return existsSync(DEPRECATIONS_FILE)
    ? (JSON.parse(readFileSync(DEPRECATIONS_FILE, 'utf8')) as Record<string, string>)
    : {};
}

/**
 * The deprecations a release records: those already recorded keep their first date, new ones get
 * the release's date, and those no longer in the schema (removed, or no longer deprecated) go.
 */
export function deprecationsAt(date: string): Record<string, string> {
  const recorded = releasedDeprecations();
  return Object.fromEntries(
    checkedSchemas().flatMap((name) =>
      deprecatedPaths(schemaFromSdl(currentSdl(name))).map((element) => {
        const key = `${name}:${element}`;
        return [key, recorded[key] ?? date];
      }),
    ),
  );
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
  const deprecations = releasedDeprecations();
  for (const name of checkedSchemas()) {
    const released = releasedSdl(name);
    // A subgraph added since the release has nothing to break.
    if (released !== undefined)
      changes.push(
        ...(await classifyChanges(
          name,
          schemaFromSdl(released),
          schemaFromSdl(currentSdl(name)),
          (element) => deprecations[`${name}:${element}`],
          today,
        )),
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
