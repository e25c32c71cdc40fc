import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, SelectionSetNode } from 'graphql';
import { PROJECT_ROOT } from '../../platform/supergraph-config';
import { Database } from '../kit/db/database';
import { makeMonths } from './trail-partitions';

/**
 * A national trail to measure against: `npm run seed -- --access-events N` writes N past reads
 * of the seeded clients' files, spread evenly over the two years before the seeding, as the
 * portal and partners make them: six in ten by the client (their own file, ClientFile), three by
 * an officer (ClientFile), one by a partner agency (its registered TravelHistory). Each read
 * names one file. Written by the server itself (generate_series), a million requests per
 * transaction; request ids `seed-<n>` make it resumable: a second run adds only what is missing.
 */

/** Requests written per transaction. */
const CHUNK = 1_000_000;
const SPAN_DAYS = 730;

interface Reading {
  role: string;
  operation: string;
  document: string;
  scopes: string[];
  clientId: string | null;
}

const READINGS: readonly Reading[] = [
  {
    role: 'applicant',
    operation: 'ClientFile',
    document: 'documents/portal/ClientFile.graphql',
    scopes: ['case:read', 'border:read', 'atip:read', 'atip:submit'],
    clientId: 'client-portal',
  },
  {
    role: 'officer',
    operation: 'ClientFile',
    document: 'documents/portal/ClientFile.graphql',
    scopes: ['case:read', 'case:notes', 'border:read', 'border:enforcement', 'atip:read'],
    clientId: 'officer-tools',
  },
  {
    role: 'partner',
    operation: 'TravelHistory',
    document: 'documents/partners/partner-system/TravelHistory.graphql',
    scopes: ['border:travel'],
    clientId: 'partner-system',
  },
];

/** The dotted paths of the fields an operation selects, as the gateway records them. */
function fieldPaths(selections: SelectionSetNode, prefix: string, into: Set<string>): Set<string> {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) fieldPaths(selection.selectionSet, prefix, into);
    if (selection.kind !== Kind.FIELD || selection.name.value === '__typename') continue;
    const dotted = prefix ? `${prefix}.${selection.name.value}` : selection.name.value;
    if (selection.selectionSet) fieldPaths(selection.selectionSet, dotted, into);
    else into.add(dotted);
  }
  return into;
}

function readingSql(reading: Reading, index: number) {
  const text = readFileSync(path.join(PROJECT_ROOT, reading.document), 'utf8');
  const operation = parse(text).definitions[0];
  const fields =
    operation.kind === Kind.OPERATION_DEFINITION
      ? [...fieldPaths(operation.selectionSet, '', new Set())]
      : [];
  return {
    ...reading,
    index,
    scopeList: JSON.stringify(reading.scopes),
    fields: JSON.stringify(fields),
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

/**
 * Each request n: who (its kind: 0 client, 1 officer, 2 partner), whose file (client index k,
 * spread over the population by a multiplicative hash), when (evenly from `$1` over the span), and
 * the file's UCI as `uciAt(k)` in subgraphs/kit/seed/population.ts makes it.
 */
const DRAWN = `SELECT n, 'seed-' || lpad(n::text, 10, '0') AS request_id,
    $1::timestamptz + (n::float8 / $2) * interval '${SPAN_DAYS} days' AS occurred_at,
    CASE WHEN n % 10 < 6 THEN 0 WHEN n % 10 < 9 THEN 1 ELSE 2 END AS kind,
    CASE length(digits) WHEN 8 THEN substr(digits, 1, 4) || '-' || substr(digits, 5)
      ELSE substr(digits, 1, 2) || '-' || substr(digits, 3, 4) || '-' || substr(digits, 7) END AS uci
  FROM generate_series($3::bigint, $4::bigint - 1) AS n,
    LATERAL (SELECT (n * 2654435761) % $5 AS k) AS client,
    LATERAL (SELECT CASE WHEN k % 10 = 1 THEN (1000000000 + (234567890 + ((k - 1) / 10) * 104729) % 9000000000)::text
      ELSE (10000000 + (2345678 + k * 7919) % 90000000)::text END AS digits) AS uci_digits`;

/** Seeds the trail up to `count` requests; returns how many were added. */
export async function seedAccessEvents(
  db: Database,
  { count, clients, now, log }: { count: number; clients: number; now: Date; log: (line: string) => void },
): Promise<number> {
  const from = new Date(now.getTime() - SPAN_DAYS * 86_400_000);
  await makeMonths(db, from, now);
  const readings = READINGS.map(readingSql);
  for (const reading of readings)
    await db.query(
      `INSERT INTO access_name_set (digest, names) SELECT md5(names::text)::uuid, names
       FROM (VALUES ($1::jsonb), ($2::jsonb), ('[]'::jsonb)) AS listed (names) ON CONFLICT DO NOTHING`,
      [reading.scopeList, reading.fields],
    );
  // The ids are fixed-width, so the last one written is the greatest: one step down each partition's key.
  const [last] = await db.query<{ requestId: string }>(
    `SELECT request_id AS "requestId" FROM access_event WHERE request_id >= 'seed-' AND request_id < 'seed.'
     ORDER BY request_id DESC LIMIT 1`,
  );
  const held = last ? Number(last.requestId.slice('seed-'.length)) + 1 : 0;
  const pick = (column: (reading: ReturnType<typeof readingSql>) => string) =>
    `CASE kind ${readings.map((reading) => `WHEN ${reading.index} THEN ${column(reading)}`).join(' ')} END`;
  const literal = (text: string | null) => (text === null ? 'NULL' : `'${text.replace(/'/g, "''")}'`);
  for (let start = held; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const params = [from.toISOString(), count, start, end, clients];
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO access_event (request_id, occurred_at, reader_subject, reader_role, reader_client_id,
           reader_scopes_set, operation_name, operation_hash, delivered_fields_set, refused_fields_set)
         SELECT request_id, occurred_at,
           CASE kind WHEN 0 THEN uci WHEN 1 THEN 'officer-' || (n % 700) END,
           ${pick((r) => literal(r.role))}, ${pick((r) => literal(r.clientId))},
           ${pick((r) => `md5(${literal(r.scopeList)}::jsonb::text)::uuid`)}, ${pick((r) => literal(r.operation))},
           ${pick((r) => literal(r.hash))}, ${pick((r) => `md5(${literal(r.fields)}::jsonb::text)::uuid`)}, md5('[]'::jsonb::text)::uuid
         FROM (${DRAWN}) AS drawn`,
        params,
      );
      await tx.query(
        `INSERT INTO access_event_file (request_id, client_uci, occurred_at, outcome, fields_shown)
         SELECT request_id, uci, occurred_at, 'READ', 'DELIVERED' FROM (${DRAWN}) AS drawn`,
        params,
      );
    });
    log(`audit: ${end} of ${count} access events`);
  }
  return Math.max(0, count - held);
}
