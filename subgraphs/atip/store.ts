import { Queryable } from '../kit/db/database';
import { AccessRequest } from './entities/access-request';

/** Each request comes with its exemptions, extensions, holds and complaint in the same row. */
const REQUEST_SELECT = `
  SELECT r.request_number AS "requestNumber", r.institution, r.act, r.requester_category AS "requesterCategory",
    r.client_uci AS "clientUci", r.application_number AS "applicationNumber", r.description, r.received_on AS "receivedOn",
    r.status, r.status_as_of AS "statusAsOf", r.disposition, r.completed_on AS "completedOn",
    r.pages_processed AS "pagesProcessed", r.pages_released AS "pagesReleased",
    coalesce((SELECT jsonb_agg(jsonb_build_object('section', e.section, 'pages', e.pages) ORDER BY e.section)
      FROM access_request_exemption e WHERE e.request_number = r.request_number), '[]'::jsonb) AS exemptions,
    coalesce((SELECT jsonb_agg(jsonb_build_object('provision', x.provision, 'days', x.days, 'reason', x.reason,
        'noticeToCommissionerOn', x.notice_to_commissioner_on) ORDER BY x.position)
      FROM access_request_extension x WHERE x.request_number = r.request_number), '[]'::jsonb) AS extensions,
    coalesce((SELECT jsonb_agg(jsonb_build_object('reason', h.reason, 'from', h.held_from, 'to', h.held_to) ORDER BY h.held_from)
      FROM access_request_hold h WHERE h.request_number = r.request_number), '[]'::jsonb) AS holds,
    (SELECT jsonb_build_object('commissioner', c.commissioner, 'filedOn', c.filed_on, 'status', c.status)
      FROM access_request_complaint c WHERE c.request_number = r.request_number) AS complaint
  FROM access_request r`;

export const atipStore = {
  requestsByNumber: (db: Queryable, numbers: readonly string[]) =>
    db.query<AccessRequest>(`${REQUEST_SELECT} WHERE r.request_number = ANY($1)`, [numbers]),

  requestsByClient: (db: Queryable, ucis: readonly string[]) =>
    db.query<AccessRequest>(
      `${REQUEST_SELECT} WHERE r.client_uci = ANY($1) ORDER BY r.client_uci, r.received_on, r.request_number`,
      [ucis],
    ),

  /** Requests of an institution that were received, open or closed during a period. */
  requestsTouchingPeriod: (db: Queryable, institution: string, from: string, to: string) =>
    db.query<AccessRequest>(
      `${REQUEST_SELECT} WHERE r.institution = $1 AND r.received_on <= $3 AND (r.completed_on IS NULL OR r.completed_on >= $2)`,
      [institution, from, to],
    ),

  requestsByApplication: (db: Queryable, numbers: readonly string[]) =>
    db.query<AccessRequest>(
      `${REQUEST_SELECT} WHERE r.application_number = ANY($1) ORDER BY r.application_number, r.received_on, r.request_number`,
      [numbers],
    ),
};
