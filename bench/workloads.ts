import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KeyLike } from 'jose';
import { mintToken } from '../bin/tools/mint-token';
import { tokenSettings } from '../gateway/auth/token-verifier';
import { Role } from '../platform/caller';
import { PersistedQueryManifest } from '../platform/trusted-documents';
import { PROJECT_ROOT } from '../platform/supergraph-config';
import { DEFAULT_SEED } from '../subgraphs/kit/config';
import { personAt, representativeCount, representativeId, uciAt } from '../subgraphs/kit/seed/population';
import { CLIENT_FILE, REPRESENTATIVE_CASELOAD } from './flagship-queries';

type Json = Record<string, unknown>;

/** One request of a workload: the operation, its variables, and who sends it. */
export interface Operation {
  query: string;
  variables: Json;
  authorization: string;
  /** What One Window is sent instead of the text, when the caller runs trusted documents by hash. */
  persistedHash?: string;
}

export interface Workload {
  name: string;
  description: string;
  /** Request number `index`: each names a different client (or representative) of the seeded population. */
  operation(index: number): Operation;
}

const OWN_ACCESS_LOG = `query OwnAccessLog($uci: ID!) {
  client(uci: $uci) {
    accessLog(first: 20) { edges { node { occurredAt outcome operationName fields reader { role clientId } } } }
  }
}`;

const OVERSIGHT_ACCESS_LOG = `query OversightAccessLog($uci: ID!) {
  accessLog(uci: $uci, first: 50) {
    edges { node { occurredAt outcome operationName fields reader { subject role clientId scopes } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const SUBMIT = `mutation SubmitAccessRequest($input: SubmitAccessRequestInput!) {
  submitAccessRequest(input: $input) {
    requestNumber
    status
    dueDate
    selfService { aboutOwnFile coversWholeRequest availableNow { category query } }
  }
}`;

/** Applicants sending a request each hold a token of their own; this many are minted before the runs. */
const APPLICANT_TOKENS = 2_000;

/**
 * Readers (officers, partner systems) take turns with this many tokens, so that a gateway's
 * token cache cannot turn verification into a lookup of one token: it is paid as in life.
 */
const READER_TOKENS = 1_000;

/** A spread of indices over the whole population, so consecutive requests never repeat a client. */
const spread = (index: number, size: number) => (index * 7_919 + 13) % size;

export async function workloads(clients: number, privateKey: KeyLike, kid: string): Promise<Workload[]> {
  const bearer = async (role: Role, subject: string, scopes: string[], clientId?: string) =>
    `Bearer ${await mintToken(privateKey, kid, { subject, role, scopes, clientId, ttl: '4h', ...tokenSettings() })}`;
  const pool = (mint: (index: number) => Promise<string>) =>
    Promise.all(Array.from({ length: READER_TOKENS }, (_, index) => mint(index)));
  const officers = await pool((index) =>
    bearer('officer', `bench-officer-${index}`, [
      'case:read',
      'case:notes',
      'border:travel',
      'border:enforcement',
      'atip:read',
    ]),
  );
  const partners = await pool((index) =>
    bearer('partner', `partner-${index}`, ['border:travel'], 'partner-system'),
  );
  const overseers = await pool((index) => bearer('officer', `bench-oversight-${index}`, ['audit:read']));
  const officer = (index: number) => officers[index % officers.length];
  const partner = (index: number) => partners[index % partners.length];
  const manifest = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'documents', 'manifests', 'partner-system.json'), 'utf8'),
  ) as PersistedQueryManifest;
  const travel = manifest.operations.find((operation) => operation.name === 'TravelHistory')!;
  // Applicants filing requests come from the last tenth of the population, and only those no
  // representative holds; readers come from the rest. The requests filed must not lengthen the
  // files (nor the caseloads) the read workloads load, run after run.
  const filers = Math.max(1, Math.floor(clients / 10));
  const readers = clients - filers;
  const unrepresented = Array.from({ length: filers }, (_, index) => readers + spread(index, filers))
    .filter((index) => personAt(DEFAULT_SEED, index, clients).representation === null)
    .slice(0, APPLICANT_TOKENS);
  const applicants = await Promise.all(
    unrepresented.map(async (index) => {
      const uci = uciAt(index);
      return { uci, authorization: await bearer('applicant', uci, ['atip:read']) };
    }),
  );
  // Clients reading who read their own file: a token each, spread over the readers.
  const ownLogReaders = await Promise.all(
    Array.from({ length: READER_TOKENS }, async (_, index) => {
      const uci = uciAt(spread(index, readers));
      return { uci, authorization: await bearer('applicant', uci, ['atip:read']) };
    }),
  );
  const representatives = representativeCount(clients);
  return [
    {
      name: 'clientFile',
      description: "an officer reads one client's whole file (all three subgraphs)",
      operation: (index) => ({
        query: CLIENT_FILE,
        variables: { uci: uciAt(spread(index, readers)) },
        authorization: officer(index),
      }),
    },
    {
      name: 'representativeCaseload',
      description:
        "an officer reads a representative's caseload: the first 50 clients, each with applications, travel and requests",
      operation: (index) => ({
        query: REPRESENTATIVE_CASELOAD,
        // Representative 1 is the showcase with a larger caseload; the others hold about 40 clients each.
        variables: { id: representativeId(1 + spread(index, representatives - 1)), first: 50 },
        authorization: officer(index),
      }),
    },
    {
      name: 'partnerTravelHistory',
      description:
        "a partner agency holding only border:travel runs its registered document, by hash, for a client's travel",
      operation: (index) => ({
        query: travel.body,
        variables: { uci: uciAt(spread(index, readers)), first: 20 },
        authorization: partner(index),
        persistedHash: travel.id,
      }),
    },
    {
      name: 'ownAccessLog',
      description: 'a client reads the last 20 reads of their own file from the audit trail',
      operation: (index) => {
        const { uci, authorization } = ownLogReaders[index % ownLogReaders.length];
        return { query: OWN_ACCESS_LOG, variables: { uci }, authorization };
      },
    },
    {
      name: 'oversightAccessLog',
      description: "oversight (audit:read) reads the last 50 reads of one client's file",
      operation: (index) => ({
        query: OVERSIGHT_ACCESS_LOG,
        variables: { uci: uciAt(spread(index, readers)) },
        authorization: overseers[index % overseers.length],
      }),
    },
    {
      name: 'submitAccessRequest',
      description: 'an applicant files a Privacy Act request for their own file (a write in the ATIP store)',
      operation: (index) => {
        const { uci, authorization } = applicants[index % applicants.length];
        return {
          query: SUBMIT,
          variables: {
            input: {
              act: 'PRIVACY_ACT',
              institution: 'IRCC',
              clientUci: uci,
              description: 'My immigration file: the status of my application and the officer notes (GCMS)',
            },
          },
          authorization,
        };
      },
    },
  ];
}
