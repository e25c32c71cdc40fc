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
 * Stores the events of `$1` (a JSON array of eventRow) and each distinct name list they carry;
 * `events` lists those newly stored. An event already held (the same request sent again) is
 * skipped, and so are its files, which were written with it.
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
    FROM input ON CONFLICT DO NOTHING
    RETURNING request_id, occurred_at)`;

/** Inserts the files of `$n` (a JSON array of fileRows) whose event is in `events`. */
const storeFiles = (
  parameter: number,
) => `INSERT INTO access_event_file (request_id, client_uci, occurred_at, outcome, fields_shown)
    SELECT f.request_id, f.client_uci, f.occurred_at, f.outcome, f.fields_shown
    FROM jsonb_to_recordset($${parameter}::jsonb)
      AS f(request_id text, client_uci text, occurred_at timestamptz, outcome text, fields_shown text)
    JOIN events e ON e.request_id = f.request_id AND e.occurred_at = f.occurred_at`;

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
 * Inserts the events and their files, all or none, skipping the events already held with their
 * files. In one statement when the files fit one (the usual case: one round trip to the server),
 * else in one transaction of bounded statements.
 */
async function insertEvents(db: Database, events: readonly EventToStore[], files: FileRow[]): Promise<void> {
  const eventRows = JSON.stringify(events.map(eventRow));
  if (files.length <= FILES_PER_STATEMENT) {
    await db.query(`WITH ${STORE_EVENTS}, files AS (${storeFiles(2)}) SELECT 1`, [
      eventRows,
      JSON.stringify(files),
    ]);
    return;
  }
  await db.transaction(async (tx) => {
    const stored = await tx.query<{ requestId: string }>(
      `WITH ${STORE_EVENTS} SELECT request_id AS "requestId" FROM events`,
      [eventRows],
    );
    const storedNow = new Set(stored.map((event) => event.requestId));
    const newFiles = files.filter((file) => storedNow.has(file.request_id));
    for (let start = 0; start < newFiles.length; start += FILES_PER_STATEMENT)
      await tx.query(
        `WITH events AS (SELECT * FROM unnest($1::text[], $2::timestamptz[]) AS e(request_id, occurred_at))
         ${storeFiles(3)}`,
        [
          [...storedNow],
          events.filter((event) => storedNow.has(event.requestId)).map((event) => event.occurredAt),
          JSON.stringify(newFiles.slice(start, start + FILES_PER_STATEMENT)),
        ],
      );
  });
}

export const auditStore = {
  /**
   * Stores a batch of requests' events and their files, all of it or none. Returns how many of the batch's files the trail now holds: a file already
   * recorded for the same request and outcome (a batch sent again after the gateway crashed) is
   * kept as it was and counted as held, so the gateway can tell a whole batch from a short one.
   */
  record: async (db: Database, events: readonly EventToStore[]): Promise<number> => {
    const files = events.flatMap(fileRows);
    await insertEvents(db, events, files);
    // Each event is stored with all its files or not at all, and one already held was stored so:
    // once the statement succeeds, the trail holds every file of the batch.
    return files.length;
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
