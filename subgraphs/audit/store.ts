import { Queryable } from '../kit/db/database';
import { bulkInsert } from '../kit/db/bulk-insert';
import { Page } from '../kit/pagination';
import { AccessRecord } from './entities/access-record';
import { AccessRecordInput } from './entities/access-record-input';

const RECORD_COLUMNS = `id::text, client_uci AS "clientUci", occurred_at AS "occurredAt", outcome, fields,
  operation_name AS "operationName", operation_hash AS "operationHash",
  jsonb_build_object('subject', reader_subject, 'role', reader_role, 'clientId', reader_client_id, 'scopes', reader_scopes) AS reader`;

export const auditStore = {
  /** Writes the records in one statement; a record already written for the same request and client is kept as it was. */
  async record(db: Queryable, records: readonly AccessRecordInput[]): Promise<void> {
    await bulkInsert(
      db,
      'access_record',
      {
        request_id: 'text', client_uci: 'text', occurred_at: 'timestamptz', reader_subject: 'text', reader_role: 'text', reader_client_id: 'text',
        reader_scopes: 'jsonb', outcome: 'text', fields: 'jsonb', operation_name: 'text', operation_hash: 'text',
      },
      records.map((r) => ({
        request_id: r.requestId, client_uci: r.clientUci, occurred_at: r.occurredAt, reader_subject: r.readerSubject, reader_role: r.readerRole,
        reader_client_id: r.readerClientId, reader_scopes: r.readerScopes, outcome: r.outcome, fields: r.fields,
        operation_name: r.operationName, operation_hash: r.operationHash,
      })),
      { onConflict: 'ignore' },
    );
  },

  /** A page of each client's log, newest first. */
  clientLogPage: (db: Queryable, ucis: readonly string[], page: Page) =>
    db.query<AccessRecord>(
      `SELECT ranked.* FROM (
         SELECT ${RECORD_COLUMNS}, row_number() OVER (PARTITION BY client_uci ORDER BY occurred_at DESC, id DESC) AS position
         FROM access_record WHERE client_uci = ANY($1)
       ) ranked
       WHERE position > $2 AND position <= $2 + $3 ORDER BY "clientUci", position`,
      [ucis, page.offset, page.first + 1],
    ),

  /** Every record, newest first, optionally for one client: the oversight view. */
  logPage: (db: Queryable, uci: string | null, page: Page) =>
    db.query<AccessRecord>(
      `SELECT ${RECORD_COLUMNS} FROM access_record WHERE ($1::text IS NULL OR client_uci = $1)
       ORDER BY occurred_at DESC, id DESC OFFSET $2 LIMIT $3`,
      [uci, page.offset, page.first + 1],
    ),
};
