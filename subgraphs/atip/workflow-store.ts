import { Queryable } from '../kit/db/database';
import { AccessRequestStatus, Commissioner, ComplaintStatus, HoldReason } from './entities/enums';
import { RequestEvent } from './entities/request-event';
import { WorkflowAction } from './workflow';

/** The ATIP store's writes; each runs inside the caller's transaction. */
export const workflowStore = {
  /** Locks the request for the rest of the transaction and returns its current state. */
  async lockStatus(tx: Queryable, requestNumber: string): Promise<AccessRequestStatus | null> {
    const rows = await tx.query<{ status: AccessRequestStatus }>(
      'SELECT status FROM access_request WHERE request_number = $1 FOR UPDATE',
      [requestNumber],
    );
    return rows[0]?.status ?? null;
  },

  /** The request this caller filed under this key, with the fingerprint of what they submitted. */
  async findByIdempotencyKey(
    db: Queryable,
    submittedBy: string,
    key: string,
  ): Promise<{ requestNumber: string; fingerprint: string | null } | null> {
    const rows = await db.query<{ requestNumber: string; fingerprint: string | null }>(
      `SELECT request_number AS "requestNumber", idempotency_fingerprint AS fingerprint
       FROM access_request WHERE submitted_by = $1 AND idempotency_key = $2`,
      [submittedBy, key],
    );
    return rows[0] ?? null;
  },

  async nextRequestNumber(tx: Queryable, prefix: 'A' | 'P', year: string): Promise<string> {
    const [{ n }] = await tx.query<{ n: number }>("SELECT nextval('access_request_number_seq')::int AS n");
    return `${prefix}-${year}-${n}`;
  },

  insertRequest: (
    tx: Queryable,
    r: {
      requestNumber: string;
      institution: string;
      act: string;
      requesterCategory: string;
      clientUci: string;
      applicationNumber: string | null;
      description: string;
      receivedOn: string;
      submittedBy: string;
      idempotencyKey: string | null;
      idempotencyFingerprint: string | null;
      consentAuthorizationId: string | null;
    },
  ) =>
    tx.query(
      `INSERT INTO access_request (request_number, institution, act, requester_category, client_uci, application_number, description, received_on,
         status, status_as_of, submitted_by, idempotency_key, idempotency_fingerprint, consent_authorization_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'RECEIVED', now(), $9, $10, $11, $12)`,
      [
        r.requestNumber,
        r.institution,
        r.act,
        r.requesterCategory,
        r.clientUci,
        r.applicationNumber,
        r.description,
        r.receivedOn,
        r.submittedBy,
        r.idempotencyKey,
        r.idempotencyFingerprint,
        r.consentAuthorizationId,
      ],
    ),

  setStatus: (tx: Queryable, requestNumber: string, status: AccessRequestStatus) =>
    tx.query('UPDATE access_request SET status = $2, status_as_of = now() WHERE request_number = $1', [
      requestNumber,
      status,
    ]),

  addEvent: (
    tx: Queryable,
    requestNumber: string,
    e: {
      action: WorkflowAction;
      from: AccessRequestStatus | null;
      to: AccessRequestStatus;
      role: string;
      subject: string | null;
      detail: string | null;
    },
  ) =>
    tx.query(
      `INSERT INTO access_request_event (request_number, position, occurred_at, action, from_status, to_status, actor_role, actor_subject, detail)
       SELECT $1, coalesce(max(position), 0) + 1, now(), $2, $3, $4, $5, $6, $7 FROM access_request_event WHERE request_number = $1`,
      [requestNumber, e.action, e.from, e.to, e.role, e.subject, e.detail],
    ),

  startHold: (tx: Queryable, requestNumber: string, reason: HoldReason, from: string) =>
    // Held again the day it was resumed: the day's hold is open again, for the new reason.
    tx.query(
      `INSERT INTO access_request_hold (request_number, reason, held_from) VALUES ($1, $2, $3)
       ON CONFLICT (request_number, held_from) DO UPDATE SET reason = EXCLUDED.reason, held_to = NULL`,
      [requestNumber, reason, from],
    ),

  endHold: (tx: Queryable, requestNumber: string, to: string) =>
    tx.query('UPDATE access_request_hold SET held_to = $2 WHERE request_number = $1 AND held_to IS NULL', [
      requestNumber,
      to,
    ]),

  addExtension: (
    tx: Queryable,
    requestNumber: string,
    e: { provision: string; days: number; reason: string; noticeToCommissionerOn: string | null },
  ) =>
    tx.query(
      `INSERT INTO access_request_extension (request_number, position, provision, days, reason, notice_to_commissioner_on)
       SELECT $1, coalesce(max(position), -1) + 1, $2, $3, $4, $5 FROM access_request_extension WHERE request_number = $1`,
      [requestNumber, e.provision, e.days, e.reason, e.noticeToCommissionerOn],
    ),

  async complete(
    tx: Queryable,
    requestNumber: string,
    c: {
      disposition: string;
      pagesProcessed: number;
      pagesReleased: number;
      completedOn: string;
      exemptions: { section: string; pages: number }[];
    },
  ) {
    await tx.query(
      'UPDATE access_request SET disposition = $2, pages_processed = $3, pages_released = $4, completed_on = $5 WHERE request_number = $1',
      [requestNumber, c.disposition, c.pagesProcessed, c.pagesReleased, c.completedOn],
    );
    for (const exemption of c.exemptions) {
      await tx.query(
        'INSERT INTO access_request_exemption (request_number, section, pages) VALUES ($1, $2, $3)',
        [requestNumber, exemption.section, exemption.pages],
      );
    }
  },

  abandon: (tx: Queryable, requestNumber: string, on: string) =>
    tx.query(
      "UPDATE access_request SET disposition = 'ABANDONED', completed_on = $2 WHERE request_number = $1",
      [requestNumber, on],
    ),

  upsertComplaint: (
    tx: Queryable,
    requestNumber: string,
    c: { commissioner: Commissioner; filedOn: string; status: ComplaintStatus },
  ) =>
    tx.query(
      `INSERT INTO access_request_complaint (request_number, commissioner, filed_on, status) VALUES ($1, $2, $3, $4)
       ON CONFLICT (request_number) DO UPDATE SET status = EXCLUDED.status`,
      [requestNumber, c.commissioner, c.filedOn, c.status],
    ),

  eventsByRequest: (db: Queryable, numbers: readonly string[]) =>
    db.query<RequestEvent>(
      `SELECT request_number AS "requestNumber", occurred_at AS "occurredAt", action, from_status AS "fromStatus", to_status AS "toStatus",
         actor_role AS "actorRole", actor_subject AS "actorSubject", detail
       FROM access_request_event WHERE request_number = ANY($1) ORDER BY request_number, position`,
      [numbers],
    ),
};
