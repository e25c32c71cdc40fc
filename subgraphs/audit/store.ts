import { Database, Queryable } from '../kit/db/database';
import { pagePerParent } from '../kit/db/page-per-parent';
import { Page } from '../kit/pagination';
import { AccessRecord } from './entities/access-record';
import { AccessEvent } from '../../platform/access-event';

/** Files written per statement: a batch over tens of thousands of files is stored in bounded statements. */
const FILES_PER_STATEMENT = 1000;

/** A file's record carries the request's reader and operation, and the fields its outcome names. */
const RECORD_COLUMNS = `f.id::text, f.client_uci AS "clientUci", f.occurred_at AS "occurredAt", f.outcome,
  CASE f.fields_shown WHEN 'DELIVERED' THEN delivered.names WHEN 'REFUSED' THEN refused.names
    ELSE delivered.names || refused.names END AS fields,
  e.operation_name AS "operationName", e.operation_hash AS "operationHash",
  jsonb_build_object('subject', e.reader_subject, 'role', e.reader_role, 'clientId', e.reader_client_id, 'scopes', scopes.names) AS reader`;
/** The request is found in its own month's partition: files and events share the time they occurred. */
const RECORDS = `access_event_file f
  JOIN access_event e ON e.request_id = f.request_id AND e.occurred_at = f.occurred_at
  JOIN access_name_set scopes ON scopes.digest = e.reader_scopes_set
  JOIN access_name_set delivered ON delivered.digest = e.delivered_fields_set
  JOIN access_name_set refused ON refused.digest = e.refused_fields_set`;
const NEWEST_FIRST = 'f.occurred_at DESC, f.id DESC';

/**
 * Stores the events of `$1` (a JSON array of eventRow) and each distinct name list they carry.
 * A request is its id and time: an event already held (a batch sent again, or a write's second
 * record, which carries its first record's time) is kept as first written.
 */
const STORE_EVENTS = `input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(request_id text, occurred_at timestamptz, reader_subject text,
      reader_role text, reader_client_id text, reader_scopes jsonb, operation_name text, operation_hash text,
      delivered_fields jsonb, refused_fields jsonb)),
  name_sets AS (
    INSERT INTO access_name_set (digest, names)
    SELECT DISTINCT md5(names::text)::uuid, names
    FROM input, LATERAL (VALUES (reader_scopes), (delivered_fields), (refused_fields)) AS listed (names)
    ON CONFLICT DO NOTHING),
  events AS (
    INSERT INTO access_event (request_id, occurred_at, reader_subject, reader_role, reader_client_id, reader_scopes_set,
      operation_name, operation_hash, delivered_fields_set, refused_fields_set)
    SELECT request_id, occurred_at, reader_subject, reader_role, reader_client_id, md5(reader_scopes::text)::uuid,
      operation_name, operation_hash, md5(delivered_fields::text)::uuid, md5(refused_fields::text)::uuid
    FROM input ON CONFLICT DO NOTHING)`;

/** Inserts the files of `$n` (a JSON array of fileRows), each once per request and outcome; returns a row per file inserted. */
const storeFiles = (
  parameter: number,
) => `INSERT INTO access_event_file (request_id, client_uci, occurred_at, outcome, fields_shown)
    SELECT request_id, client_uci, occurred_at, outcome, fields_shown
    FROM jsonb_to_recordset($${parameter}::jsonb)
      AS f(request_id text, client_uci text, occurred_at timestamptz, outcome text, fields_shown text)
    ON CONFLICT DO NOTHING RETURNING 1`;

/** An event as the gateway sends it (AccessEventInput), its time parsed or not: it travels to the server as JSON. */
type EventToStore = Omit<AccessEvent, 'occurredAt'> & { occurredAt: Date | string };

const eventRow = (event: EventToStore) => ({
  request_id: event.requestId,
  occurred_at: event.occurredAt,
  reader_subject: event.readerSubject,
  reader_role: event.readerRole,
  reader_client_id: event.readerClientId,
  reader_scopes: event.readerScopes,
  operation_name: event.operationName,
  operation_hash: event.operationHash,
  delivered_fields: event.deliveredFields,
  refused_fields: event.refusedFields,
});

const fileRows = (event: EventToStore) =>
  event.files.map((file) => ({
    request_id: event.requestId,
    client_uci: file.clientUci,
    occurred_at: event.occurredAt,
    outcome: file.outcome,
    fields_shown: file.fieldsShown,
  }));

type FileRow = ReturnType<typeof fileRows>[number];

/**
 * Inserts the events and their files, all or none, skipping what is already held; returns how
 * many files were newly inserted. In one statement when the files fit one (the usual case: one
 * round trip to the server), else in one transaction of bounded statements.
 */
async function insertEvents(
  db: Database,
  events: readonly EventToStore[],
  files: FileRow[],
): Promise<number> {
  const eventRows = JSON.stringify(events.map(eventRow));
  if (files.length <= FILES_PER_STATEMENT) {
    const [{ inserted }] = await db.query<{ inserted: number }>(
      `WITH ${STORE_EVENTS}, files AS (${storeFiles(2)}) SELECT count(*)::int AS inserted FROM files`,
      [eventRows, JSON.stringify(files)],
    );
    return inserted;
  }
  return db.transaction(async (tx) => {
    await tx.query(`WITH ${STORE_EVENTS} SELECT 1`, [eventRows]);
    let inserted = 0;
    for (let start = 0; start < files.length; start += FILES_PER_STATEMENT) {
      const [row] = await tx.query<{ inserted: number }>(
        `WITH files AS (${storeFiles(1)}) SELECT count(*)::int AS inserted FROM files`,
        [JSON.stringify(files.slice(start, start + FILES_PER_STATEMENT))],
      );
      inserted += row.inserted;
    }
    return inserted;
  });
}

export const auditStore = {
  /**
   * Stores a batch of requests' events and their files, all of it or none. Returns how many of
   * the batch's files the trail now holds: a file already recorded for the same request and
   * outcome (a batch sent again after the gateway crashed, or named by both of a write's records)
   * is kept as it was and counted as held, so the gateway can tell a whole batch from a short one.
   */
  record: async (db: Database, events: readonly EventToStore[]): Promise<number> => {
    const files = events.flatMap(fileRows);
    const inserted = await insertEvents(db, events, files);
    if (inserted === files.length) return inserted;
    // Each of the batch's files that the trail holds, however often the batch names it.
    const [{ held }] = await db.query<{ held: number }>(
      `SELECT count(*)::int AS held
       FROM jsonb_to_recordset($1::jsonb) AS b(request_id text, client_uci text, occurred_at timestamptz, outcome text)
       WHERE EXISTS (SELECT 1 FROM access_event_file f WHERE f.request_id = b.request_id
         AND f.client_uci = b.client_uci AND f.outcome = b.outcome AND f.occurred_at = b.occurred_at)`,
      [JSON.stringify(files)],
    );
    return held;
  },

  /** A page of each client's log, newest first. */
  clientLogPage: (db: Queryable, ucis: readonly string[], page: Page) =>
    pagePerParent<AccessRecord>(
      db,
      {
        select: RECORD_COLUMNS,
        from: RECORDS,
        parentColumn: 'f.client_uci',
        orderBy: NEWEST_FIRST,
      },
      ucis,
      page,
    ),

  /** Every record, newest first, optionally for one client: the oversight view. */
  logPage: (db: Queryable, uci: string | null, page: Page) =>
    // Two statements, not `$1 IS NULL OR …`, which a prepared statement's generic plan cannot serve from an index.
    uci === null
      ? db.query<AccessRecord>(
          `SELECT ${RECORD_COLUMNS} FROM ${RECORDS} ORDER BY ${NEWEST_FIRST} OFFSET $1 LIMIT $2`,
          [page.offset, page.first + 1],
        )
      : db.query<AccessRecord>(
          `SELECT ${RECORD_COLUMNS} FROM ${RECORDS} WHERE f.client_uci = $1 ORDER BY ${NEWEST_FIRST} OFFSET $2 LIMIT $3`,
          [uci, page.offset, page.first + 1],
        ),
};
