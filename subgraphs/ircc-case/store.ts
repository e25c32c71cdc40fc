import { Queryable } from '../kit/db/database';
import { pagePerParent } from '../kit/db/page-per-parent';
import { Page } from '../kit/pagination';
import { Application } from './entities/application';
import { Authorization } from './entities/authorization';
import { Client } from './entities/client';
import { Decision } from './entities/decision';
import { IssuedDocument } from './entities/issued-document';
import { Message } from './entities/message';
import { Representative } from './entities/representative';
import { ReviewStage } from './entities/review-stage';
import { citation } from '../../platform/language/citations';
import { caseMessages } from './messages/catalogue';
import { groundTexts, RefusalGroundId } from './refusal-grounds';

/** The case store's reads. Each takes a batch of keys, so loaders issue one statement per batch. */

/** A decision as stored: each ground is its provision and the id of its wording in the catalogue. */
type DecisionRow = Omit<Decision, 'grounds'> & { grounds: { provision: string; ground: RefusalGroundId }[] };

const ACTIVE = `(a.cancelled_on IS NULL OR a.cancelled_on > current_date) AND (a.expires_on IS NULL OR a.expires_on > current_date)`;

const CLIENT_COLUMNS = `c.uci, c.family_name AS "familyName", c.given_names AS "givenNames", c.date_of_birth AS "dateOfBirth",
  c.country_of_citizenship AS "countryOfCitizenship", c.preferred_language AS "preferredLanguage"`;

const APPLICATION_COLUMNS = `application_number AS "applicationNumber", client_uci AS "clientUci", line_of_business AS "lineOfBusiness",
  received_on AS "receivedOn", processing_office AS "processingOffice", status, status_source AS "statusSource", status_as_of AS "statusAsOf"`;

const REPRESENTATIVE_COLUMNS = `id, kind, family_name AS "familyName", given_names AS "givenNames", organization,
  membership_number AS "membershipNumber", regulator`;

export const caseStore = {
  clientsByUci: (db: Queryable, ucis: readonly string[]) =>
    db.query<Client>(`SELECT ${CLIENT_COLUMNS} FROM client c WHERE c.uci = ANY($1)`, [ucis]),

  applicationsByNumber: (db: Queryable, numbers: readonly string[]) =>
    db.query<Application>(
      `SELECT ${APPLICATION_COLUMNS} FROM application WHERE application_number = ANY($1)`,
      [numbers],
    ),

  applicationsByClient: (db: Queryable, ucis: readonly string[]) =>
    db.query<Application>(
      `SELECT ${APPLICATION_COLUMNS} FROM application WHERE client_uci = ANY($1) ORDER BY client_uci, received_on`,
      [ucis],
    ),

  stagesByApplication: (db: Queryable, numbers: readonly string[]) =>
    db.query<ReviewStage>(
      `SELECT application_number AS "applicationNumber", name, status, source, as_of AS "asOf"
       FROM review_stage WHERE application_number = ANY($1) ORDER BY application_number, position`,
      [numbers],
    ),

  decisionsByApplication: async (db: Queryable, numbers: readonly string[]): Promise<Decision[]> =>
    (
      await db.query<DecisionRow>(
        `SELECT d.application_number AS "applicationNumber", d.outcome, d.decided_on AS "decidedOn", d.officer_notes AS "officerNotes",
         coalesce(jsonb_agg(jsonb_build_object('provision', g.provision, 'ground', g.ground)
           ORDER BY g.position) FILTER (WHERE g.position IS NOT NULL), '[]'::jsonb) AS grounds
       FROM decision d LEFT JOIN refusal_ground g ON g.application_number = d.application_number
       WHERE d.application_number = ANY($1)
       GROUP BY d.application_number`,
        [numbers],
      )
    ).map(({ grounds, ...decision }) => ({
      ...decision,
      grounds: grounds.map(({ provision, ground }) => ({
        provision: citation(provision),
        ...groundTexts(ground),
      })),
    })),

  documentsByApplication: (db: Queryable, numbers: readonly string[]) =>
    db.query<IssuedDocument>(
      `SELECT application_number AS "applicationNumber", type, document_number AS "documentNumber", issued_on AS "issuedOn", valid_until AS "validUntil"
       FROM issued_document WHERE application_number = ANY($1) ORDER BY application_number, issued_on`,
      [numbers],
    ),

  messagesByApplication: async (db: Queryable, numbers: readonly string[]): Promise<Message[]> =>
    (
      await db.query<Omit<Message, 'subject'>>(
        `SELECT application_number AS "applicationNumber", kind, sent_on AS "sentOn", due_on AS "dueOn"
         FROM message WHERE application_number = ANY($1) ORDER BY application_number, position`,
        [numbers],
      )
    ).map((message) => ({ ...message, subject: caseMessages.text(`message.${message.kind}`) })),

  representativesById: (db: Queryable, ids: readonly string[]) =>
    db.query<Representative>(`SELECT ${REPRESENTATIVE_COLUMNS} FROM representative WHERE id = ANY($1)`, [
      ids,
    ]),

  representativesPage: (db: Queryable, page: Page) =>
    db.query<Representative>(
      `SELECT ${REPRESENTATIVE_COLUMNS} FROM representative ORDER BY id OFFSET $1 LIMIT $2`,
      [page.offset, page.first + 1],
    ),

  /** A page of each representative's clients with an active authorization, in UCI order. */
  activeClientsPage: (db: Queryable, representativeIds: readonly string[], page: Page) =>
    pagePerParent<Client & { representativeId: string }>(
      db,
      {
        select: `a.representative_id AS "representativeId", ${CLIENT_COLUMNS}`,
        from: 'representative_authorization a JOIN client c ON c.uci = a.client_uci',
        parentColumn: 'a.representative_id',
        orderBy: 'c.uci',
        where: ACTIVE,
      },
      representativeIds,
      page,
    ),

  activeClientCounts: (db: Queryable, representativeIds: readonly string[]) =>
    db.query<{ representativeId: string; count: number }>(
      `SELECT a.representative_id AS "representativeId", count(DISTINCT a.client_uci)::int AS count
       FROM representative_authorization a WHERE a.representative_id = ANY($1) AND ${ACTIVE}
       GROUP BY a.representative_id`,
      [representativeIds],
    ),

  /** Of these clients, those the representative holds an active authorization for. */
  representedBy: async (
    db: Queryable,
    representativeId: string,
    ucis: readonly string[],
  ): Promise<string[]> => {
    const rows = await db.query<{ uci: string }>(
      `SELECT DISTINCT a.client_uci AS uci FROM representative_authorization a
       WHERE a.representative_id = $1 AND a.client_uci = ANY($2) AND ${ACTIVE}`,
      [representativeId, ucis],
    );
    return rows.map((row) => row.uci);
  },

  activeAuthorizationId: async (
    db: Queryable,
    representativeId: string,
    uci: string,
  ): Promise<string | null> => {
    const rows = await db.query<{ id: string }>(
      `SELECT a.id FROM representative_authorization a
       WHERE a.representative_id = $1 AND a.client_uci = $2 AND ${ACTIVE} ORDER BY a.signed_on DESC LIMIT 1`,
      [representativeId, uci],
    );
    return rows[0]?.id ?? null;
  },

  authorizationsByClient: (db: Queryable, ucis: readonly string[]) =>
    db.query<Authorization>(
      `SELECT a.id, a.representative_id AS "representativeId", a.client_uci AS "clientUci", a.application_number AS "applicationNumber",
         a.signed_on AS "signedOn", a.cancelled_on AS "cancelledOn", a.expires_on AS "expiresOn", ${ACTIVE} AS active
       FROM representative_authorization a WHERE a.client_uci = ANY($1) ORDER BY a.client_uci, a.signed_on`,
      [ucis],
    ),
};
