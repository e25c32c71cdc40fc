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
  {
    // National scale: the trail is partitioned by month, so a month past retention is dropped
    // whole (never row by row) and every lookup touches the partitions of the months it asks
    // for. Each request's reader scopes and field lists are stored once per distinct list
    // (access_name_set, by the MD5 of its JSON) rather than once per request: a client-file read
    // names some forty fields. A request is its id and time (the gateway gives both of a write's
    // records the time of the first), and a file is recorded once per request and outcome. What
    // was held before is moved into the default partitions here, and into monthly ones by the
    // audit service's upkeep when it starts: both rewrite the trail, so stop the audit service for
    // this migration (a rolling deploy would leave old replicas writing columns that are gone).
    id: '003_partitioned_trail',
    sql: `
      ALTER TABLE access_event_file DROP CONSTRAINT access_event_file_request_id_fkey;
      ALTER TABLE access_event RENAME TO access_event_unpartitioned;
      ALTER INDEX access_event_pkey RENAME TO access_event_unpartitioned_pkey;
      ALTER TABLE access_event_file RENAME TO access_event_file_unpartitioned;
      ALTER INDEX access_event_file_pkey RENAME TO access_event_file_unpartitioned_pkey;
      ALTER INDEX access_event_file_request_id_client_uci_outcome_key RENAME TO access_event_file_unpartitioned_key;
      ALTER INDEX access_event_file_client_idx RENAME TO access_event_file_unpartitioned_client_idx;
      ALTER INDEX access_event_file_time_idx RENAME TO access_event_file_unpartitioned_time_idx;
      ALTER SEQUENCE access_event_file_id_seq OWNED BY NONE;
      CREATE TABLE access_name_set (
        digest uuid PRIMARY KEY,
        names jsonb NOT NULL
      );
      CREATE TABLE access_event (
        request_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        reader_subject text,
        reader_role text NOT NULL,
        reader_client_id text,
        reader_scopes_set uuid NOT NULL,
        operation_name text,
        operation_hash text NOT NULL,
        delivered_fields_set uuid NOT NULL,
        refused_fields_set uuid NOT NULL,
        PRIMARY KEY (request_id, occurred_at)
      ) PARTITION BY RANGE (occurred_at);
      CREATE TABLE access_event_default PARTITION OF access_event DEFAULT;
      CREATE TABLE access_event_file (
        id bigint NOT NULL DEFAULT nextval('access_event_file_id_seq'),
        request_id text NOT NULL,
        client_uci text NOT NULL,
        occurred_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('READ', 'DENIED')),
        fields_shown text NOT NULL CHECK (fields_shown IN ('DELIVERED', 'REFUSED', 'ASKED')),
        UNIQUE (request_id, client_uci, outcome, occurred_at)
      ) PARTITION BY RANGE (occurred_at);
      CREATE TABLE access_event_file_default PARTITION OF access_event_file DEFAULT;
      CREATE INDEX access_event_file_client_idx ON access_event_file (client_uci, occurred_at DESC, id DESC);
      CREATE INDEX access_event_file_time_idx ON access_event_file (occurred_at DESC, id DESC);
      ALTER SEQUENCE access_event_file_id_seq OWNED BY access_event_file.id;
      INSERT INTO access_name_set (digest, names)
        SELECT DISTINCT md5(names::text)::uuid, names FROM access_event_unpartitioned,
          LATERAL (VALUES (reader_scopes), (delivered_fields), (refused_fields)) AS listed (names);
      INSERT INTO access_event
        SELECT request_id, occurred_at, reader_subject, reader_role, reader_client_id, md5(reader_scopes::text)::uuid,
          operation_name, operation_hash, md5(delivered_fields::text)::uuid, md5(refused_fields::text)::uuid
        FROM access_event_unpartitioned;
      INSERT INTO access_event
        SELECT DISTINCT ON (f.request_id, f.occurred_at) f.request_id, f.occurred_at, e.reader_subject, e.reader_role,
          e.reader_client_id, md5(e.reader_scopes::text)::uuid, e.operation_name, e.operation_hash,
          md5(e.delivered_fields::text)::uuid, md5(e.refused_fields::text)::uuid
        FROM access_event_file_unpartitioned f JOIN access_event_unpartitioned e ON e.request_id = f.request_id
        WHERE f.occurred_at <> e.occurred_at;
      INSERT INTO access_event_file (id, request_id, client_uci, occurred_at, outcome, fields_shown)
        SELECT id, request_id, client_uci, occurred_at, outcome, fields_shown FROM access_event_file_unpartitioned;
      DROP TABLE access_event_file_unpartitioned;
      DROP TABLE access_event_unpartitioned;
      CREATE TABLE access_trail_retention (
        id bigserial PRIMARY KEY,
        month date NOT NULL,
        events bigint NOT NULL,
        files bigint NOT NULL,
        retention_months integer NOT NULL,
        dropped_at timestamptz NOT NULL DEFAULT now(),
        dropped_by text NOT NULL
      )
    `,
  },
];
