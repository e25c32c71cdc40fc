import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { PersistedQueryManifest } from '../trusted-documents';
import { PROJECT_ROOT } from '../supergraph-config';

/**
 * The operation names a metric may carry as labels: the portal's own operations
 * (documents/portal), every partner's registered documents (documents/manifests) and the calls
 * One Window's processes make to each other. A caller chooses any other name freely, so any other
 * name is counted as "other": junk names cannot fill the label set, and no caller's name shows.
 */
export function knownOperationNames(documentsDir = path.join(PROJECT_ROOT, 'documents')): Set<string> {
  const names = new Set<string>(INTERNAL_OPERATIONS);
  const portal = path.join(documentsDir, 'portal');
  for (const file of filesEndingWith(portal, '.graphql'))
    for (const definition of parse(readFileSync(path.join(portal, file), 'utf8')).definitions)
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
  const manifests = path.join(documentsDir, 'manifests');
  for (const file of filesEndingWith(manifests, '.json')) {
    const manifest = JSON.parse(readFileSync(path.join(manifests, file), 'utf8')) as PersistedQueryManifest;
    for (const operation of manifest.operations) names.add(operation.name);
  }
  return names;
}

/** Operations the gateway and the subgraphs send each other (audit writes, peer look-ups). */
const INTERNAL_OPERATIONS = ['RecordAccess', 'Consent', 'Owner', 'Represented', 'Summary', 'Travel'];

function filesEndingWith(folder: string, ending: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(ending)) : [];
}
