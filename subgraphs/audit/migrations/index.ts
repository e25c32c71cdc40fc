import { Migration } from '../../kit/db/migrations';

export const migrations: readonly Migration[] = [
  {
    id: '001_access_records',
    sql: `
      CREATE TABLE access_record (
        id bigserial PRIMARY KEY,
        request_id text NOT NULL,
        client_uci text NOT NULL,
        occurred_at timestamptz NOT NULL,
        reader_subject text,
        reader_role text NOT NULL,
        reader_client_id text,
        reader_scopes jsonb NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('READ', 'DENIED')),
        fields jsonb NOT NULL,
        operation_name text,
        operation_hash text NOT NULL,
        UNIQUE (request_id, client_uci)
      );
      CREATE INDEX access_record_client_idx ON access_record (client_uci, occurred_at DESC, id DESC);
      CREATE INDEX access_record_time_idx ON access_record (occurred_at DESC, id DESC)
    `,
  },
  {
    // Each request once, and the files it touched as a list: a request over thousands of files
    // no longer repeats its reader, operation and fields thousands of times.
    id: '002_access_events',
    sql: `
      CREATE TABLE access_event (
        request_id text PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        reader_subject text,
        reader_role text NOT NULL,
        reader_client_id text,
        reader_scopes jsonb NOT NULL,
        operation_name text,
        operation_hash text NOT NULL,
        delivered_fields jsonb NOT NULL,
        refused_fields jsonb NOT NULL
      );
      CREATE TABLE access_event_file (
        id bigserial PRIMARY KEY,
        request_id text NOT NULL REFERENCES access_event (request_id),
        client_uci text NOT NULL,
        occurred_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('READ', 'DENIED')),
        fields_shown text NOT NULL CHECK (fields_shown IN ('DELIVERED', 'REFUSED', 'ASKED')),
        UNIQUE (request_id, client_uci, outcome)
      );
      CREATE INDEX access_event_file_client_idx ON access_event_file (client_uci, occurred_at DESC, id DESC);
      CREATE INDEX access_event_file_time_idx ON access_event_file (occurred_at DESC, id DESC);
      INSERT INTO access_event
        SELECT DISTINCT ON (request_id) request_id, occurred_at, reader_subject, reader_role, reader_client_id, reader_scopes,
          operation_name, operation_hash, fields, '[]'::jsonb
        FROM access_record ORDER BY request_id, id;
      INSERT INTO access_event_file (request_id, client_uci, occurred_at, outcome, fields_shown)
        SELECT request_id, client_uci, occurred_at, outcome, CASE outcome WHEN 'READ' THEN 'DELIVERED' ELSE 'ASKED' END
        FROM access_record ORDER BY id;
      DROP TABLE access_record
    `,
  },
];
