import { Database, Queryable } from '../kit/db/database';
import { bulkInsert, insertFromJson } from '../kit/db/bulk-insert';
import { pagePerParent } from '../kit/db/page-per-parent';
import { Page } from '../kit/pagination';
import { AccessRecord } from './entities/access-record';
import { AccessEvent } from '../../platform/access-event';

/** Files written per statement: a batch over tens of thousands of files is stored in bounded statements. */
const FILES_PER_STATEMENT = 1000;

/** A file's record carries the request's reader and operation, and the fields its outcome names. */
const RECORD_COLUMNS = `f.id::text, f.client_uci AS "clientUci", f.occurred_at AS "occurredAt", f.outcome,
  CASE f.fields_shown WHEN 'DELIVERED' THEN e.delivered_fields WHEN 'REFUSED' THEN e.refused_fields
    ELSE e.delivered_fields || e.refused_fields END AS fields,
  e.operation_name AS "operationName", e.operation_hash AS "operationHash",
  jsonb_build_object('subject', e.reader_subject, 'role', e.reader_role, 'clientId', e.reader_client_id, 'scopes', e.reader_scopes) AS reader`;
const RECORDS = 'access_event_file f JOIN access_event e ON e.request_id = f.request_id';

const EVENT_COLUMNS = {
  request_id: 'text',
  occurred_at: 'timestamptz',
  reader_subject: 'text',
  reader_role: 'text',
  reader_client_id: 'text',
  reader_scopes: 'jsonb',
  operation_name: 'text',
  operation_hash: 'text',
  delivered_fields: 'jsonb',
  refused_fields: 'jsonb',
};
const FILE_COLUMNS = {
  request_id: 'text',
  client_uci: 'text',
  occurred_at: 'timestamptz',
  outcome: 'text',
  fields_shown: 'text',
};
/** An event as the gateway sends it (AccessEventInput), its time parsed or not: it travels to the server as JSON. */
type EventToStore = Omit<AccessEvent, 'occurredAt'> & { occurredAt: Date | string };

/** A record written twice (a retried batch) is kept as first written. */
const IGNORE_REPEATS = { onConflict: 'ignore' as const };

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
      `WITH events AS (${insertFromJson('access_event', EVENT_COLUMNS, 1, IGNORE_REPEATS)}),
            files AS (${insertFromJson('access_event_file', FILE_COLUMNS, 2, IGNORE_REPEATS)})
       SELECT count(*)::int AS inserted FROM files`,
      [eventRows, JSON.stringify(files)],
    );
    return inserted;
  }
  return db.transaction(async (tx) => {
    await tx.query(`${insertFromJson('access_event', EVENT_COLUMNS, 1, IGNORE_REPEATS)}`, [eventRows]);
    let stored = 0;
    for (let start = 0; start < files.length; start += FILES_PER_STATEMENT)
      stored += await bulkInsert(
        tx,
        'access_event_file',
        FILE_COLUMNS,
        files.slice(start, start + FILES_PER_STATEMENT),
        IGNORE_REPEATS,
      );
    return stored;
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
    const inserted = await insertEvents(db, events, files);
    if (inserted === files.length) return inserted;
    const [{ held }] = await db.query<{ held: number }>(
      'SELECT count(*)::int AS held FROM access_event_file WHERE request_id = ANY($1::text[])',
      [events.map((event) => event.requestId)],
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
        parentKey: 'clientUci',
        orderBy: 'f.occurred_at DESC, f.id DESC',
      },
      ucis,
      page,
    ),

  /** Every record, newest first, optionally for one client: the oversight view. */
  logPage: (db: Queryable, uci: string | null, page: Page) =>
    db.query<AccessRecord>(
      `SELECT ${RECORD_COLUMNS} FROM ${RECORDS} WHERE ($1::text IS NULL OR f.client_uci = $1)
       ORDER BY f.occurred_at DESC, f.id DESC OFFSET $2 LIMIT $3`,
      [uci, page.offset, page.first + 1],
    ),
};
