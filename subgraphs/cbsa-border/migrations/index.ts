import { Migration } from '../../kit/db/migrations';

export const migrations: readonly Migration[] = [
  {
    id: '001_border_records',
    sql: `
      CREATE TABLE travel_event (
        id bigint PRIMARY KEY,
        client_uci text NOT NULL,
        occurred_at timestamptz NOT NULL,
        direction text NOT NULL CHECK (direction IN ('ENTRY', 'EXIT')),
        port_code text NOT NULL,
        port_name text NOT NULL,
        port_province char(2) NOT NULL,
        mode text NOT NULL,
        document_type text NOT NULL,
        document_country char(3) NOT NULL,
        document_last_digits text NOT NULL,
        source text NOT NULL
      );
      CREATE INDEX travel_event_client_time_idx ON travel_event (client_uci, occurred_at, id);

      CREATE TABLE enforcement_action (
        id text PRIMARY KEY,
        client_uci text NOT NULL,
        kind text NOT NULL,
        occurred_on date NOT NULL,
        location text,
        details jsonb NOT NULL
      );
      CREATE INDEX enforcement_action_client_idx ON enforcement_action (client_uci, occurred_on)
    `,
  },
];
