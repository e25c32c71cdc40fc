import { Migration } from '../../kit/db/migrations';

/** The case store's schema. Every lookup path a loader uses has an index. */
export const migrations: readonly Migration[] = [
  {
    id: '001_case_management',
    sql: `
      CREATE TABLE client (
        uci text PRIMARY KEY,
        family_name text NOT NULL,
        given_names text NOT NULL,
        date_of_birth date NOT NULL,
        country_of_citizenship char(3) NOT NULL,
        preferred_language text NOT NULL CHECK (preferred_language IN ('EN', 'FR'))
      );

      CREATE TABLE application (
        application_number text PRIMARY KEY,
        client_uci text NOT NULL REFERENCES client (uci),
        line_of_business text NOT NULL,
        received_on date NOT NULL,
        processing_office text NOT NULL,
        status text NOT NULL CHECK (status IN ('RECEIVED', 'IN_PROGRESS', 'CLOSED')),
        status_source text NOT NULL,
        status_as_of timestamptz NOT NULL
      );
      CREATE INDEX application_client_idx ON application (client_uci, received_on);

      CREATE TABLE review_stage (
        application_number text NOT NULL REFERENCES application (application_number),
        name text NOT NULL,
        position smallint NOT NULL,
        status text NOT NULL,
        source text NOT NULL,
        as_of timestamptz NOT NULL,
        PRIMARY KEY (application_number, name)
      );

      CREATE TABLE decision (
        application_number text PRIMARY KEY REFERENCES application (application_number),
        outcome text NOT NULL,
        decided_on date NOT NULL,
        officer_notes text
      );

      CREATE TABLE refusal_ground (
        application_number text NOT NULL REFERENCES decision (application_number),
        position smallint NOT NULL,
        provision text NOT NULL,
        summary text NOT NULL,
        explanation text NOT NULL,
        PRIMARY KEY (application_number, position)
      );

      CREATE TABLE issued_document (
        document_number text PRIMARY KEY,
        application_number text NOT NULL REFERENCES application (application_number),
        type text NOT NULL,
        issued_on date NOT NULL,
        valid_until date
      );
      CREATE INDEX issued_document_application_idx ON issued_document (application_number);

      CREATE TABLE message (
        application_number text NOT NULL REFERENCES application (application_number),
        position smallint NOT NULL,
        kind text NOT NULL,
        subject text NOT NULL,
        sent_on date NOT NULL,
        due_on date,
        PRIMARY KEY (application_number, position)
      );

      CREATE TABLE representative (
        id text PRIMARY KEY,
        kind text NOT NULL,
        family_name text NOT NULL,
        given_names text NOT NULL,
        organization text,
        membership_number text,
        regulator text
      );

      CREATE TABLE representative_authorization (
        id text PRIMARY KEY,
        representative_id text NOT NULL REFERENCES representative (id),
        client_uci text NOT NULL REFERENCES client (uci),
        application_number text REFERENCES application (application_number),
        signed_on date NOT NULL,
        cancelled_on date,
        expires_on date
      );
      CREATE INDEX authorization_representative_idx ON representative_authorization (representative_id, client_uci);
      CREATE INDEX authorization_client_idx ON representative_authorization (client_uci)
    `,
  },
];
