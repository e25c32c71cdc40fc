import { Migration } from '../../kit/db/migrations';

export const migrations: readonly Migration[] = [
  {
    id: '001_access_requests',
    sql: `
      CREATE TABLE access_request (
        request_number text PRIMARY KEY,
        institution text NOT NULL,
        act text NOT NULL,
        requester_category text NOT NULL,
        client_uci text NOT NULL,
        application_number text,
        description text NOT NULL,
        received_on date NOT NULL,
        status text NOT NULL,
        status_as_of timestamptz NOT NULL,
        disposition text,
        completed_on date,
        pages_processed integer,
        pages_released integer
      );
      CREATE INDEX access_request_client_idx ON access_request (client_uci, received_on);
      CREATE INDEX access_request_application_idx ON access_request (application_number) WHERE application_number IS NOT NULL;
      CREATE INDEX access_request_institution_idx ON access_request (institution, received_on);

      CREATE TABLE access_request_exemption (
        request_number text NOT NULL REFERENCES access_request (request_number),
        section text NOT NULL,
        pages integer NOT NULL,
        PRIMARY KEY (request_number, section)
      );

      CREATE TABLE access_request_extension (
        request_number text NOT NULL REFERENCES access_request (request_number),
        position smallint NOT NULL,
        provision text NOT NULL,
        days integer NOT NULL CHECK (days > 0),
        reason text NOT NULL,
        notice_to_commissioner_on date,
        PRIMARY KEY (request_number, position)
      );

      CREATE TABLE access_request_hold (
        request_number text NOT NULL REFERENCES access_request (request_number),
        reason text NOT NULL,
        held_from date NOT NULL,
        held_to date,
        PRIMARY KEY (request_number, held_from)
      );

      CREATE TABLE access_request_complaint (
        request_number text PRIMARY KEY REFERENCES access_request (request_number),
        commissioner text NOT NULL,
        filed_on date NOT NULL,
        status text NOT NULL
      )
    `,
  },
  {
    id: '002_request_workflow',
    sql: `
      ALTER TABLE access_request ADD COLUMN submitted_by text;
      ALTER TABLE access_request ADD COLUMN idempotency_key text;
      ALTER TABLE access_request ADD COLUMN consent_authorization_id text;
      CREATE UNIQUE INDEX access_request_idempotency_idx ON access_request (submitted_by, idempotency_key) WHERE idempotency_key IS NOT NULL;

      -- Numbers for requests filed through One Window, above every seeded number.
      CREATE SEQUENCE access_request_number_seq START 5000000;

      CREATE TABLE access_request_event (
        request_number text NOT NULL REFERENCES access_request (request_number),
        position integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_role text NOT NULL,
        actor_subject text,
        detail text,
        PRIMARY KEY (request_number, position)
      );

      ALTER TABLE access_request_complaint ADD COLUMN outcome text
    `,
  },
  {
    // A replayed idempotency key must carry the same submission; its fingerprint tells.
    id: '003_idempotency_fingerprint',
    sql: `ALTER TABLE access_request ADD COLUMN idempotency_fingerprint text`,
  },
];
