import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/supergraph-config';

/**
 * The flagship operations, as a portal sends them (documents/portal/): what Sandbox opens with,
 * what the benchmark loads the gateway with, and what the tests and the front-end kit check.
 */
const portalDocument = (name: string) =>
  readFileSync(path.join(PROJECT_ROOT, 'documents', 'portal', `${name}.graphql`), 'utf8');

export const FLAGSHIP = {
  clientFile: { query: portalDocument('ClientFile'), variables: { uci: '1234-5678' } },
  representativeCaseload: { query: portalDocument('Caseload'), variables: { id: 'REP-000001', first: 50 } },
};

/** Both operations in one document, with every variable they take, for Sandbox's first screen. */
export const SANDBOX_OPERATIONS = {
  document: `${FLAGSHIP.clientFile.query}\n${FLAGSHIP.representativeCaseload.query}`,
  variables: { ...FLAGSHIP.clientFile.variables, ...FLAGSHIP.representativeCaseload.variables },
};
