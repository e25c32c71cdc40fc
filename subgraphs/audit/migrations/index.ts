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
];
