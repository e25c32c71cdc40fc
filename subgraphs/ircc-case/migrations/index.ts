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
  {
    // Refusal grounds and letter subjects are written in the reader's language, from the
    // catalogue: the store keeps which ground it was and which letter, not one language's words.
    id: '002_texts_from_catalogue',
    sql: `
      ALTER TABLE refusal_ground ADD COLUMN ground text;
      UPDATE refusal_ground g SET ground = known.ground
      FROM (VALUES
        ('IRPR 179(b)', '%family ties%', 'visitorFamilyTies'),
        ('IRPR 179(b)', '%purpose of your visit%', 'visitorPurpose'),
        ('IRPR 179(b)', '%financial situation%', 'visitorFinances'),
        ('IRPR 216(1)(b)', '%', 'studyPurpose'),
        ('IRPR 220', '%', 'studyFunds'),
        ('IRPR 200(1)(b)', '%', 'workTemporary'),
        ('IRPR 200(3)(a)', '%', 'workAbility'),
        ('IRPA 16(1)', '%', 'economicDocuments'),
        ('IRPR 75(2)', '%', 'economicExperience'),
        ('IRPR 4(1)', '%', 'familyGenuine'),
        ('Citizenship Act 5(1)(c)(i)', '%', 'citizenshipPresence'),
        ('IRPA 25(1)', '%', 'humanitarian')
      ) AS known (provision, summary, ground)
      WHERE g.provision = known.provision AND g.summary LIKE known.summary;
      ALTER TABLE refusal_ground ALTER COLUMN ground SET NOT NULL;
      ALTER TABLE refusal_ground DROP COLUMN summary, DROP COLUMN explanation;
      ALTER TABLE message DROP COLUMN subject
    `,
  },
];
