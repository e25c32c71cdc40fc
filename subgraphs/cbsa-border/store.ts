import { Queryable } from '../kit/db/database';
import { pagePerParent } from '../kit/db/page-per-parent';
import { Page } from '../kit/pagination';
import { Crossing } from './physical-presence';
import { TravelEvent } from './entities/travel-event';
import { EnforcementActionKind } from './entities/enums';

export interface EnforcementRow {
  id: string;
  clientUci: string;
  kind: EnforcementActionKind;
  occurredOn: string;
  location: string | null;
  details: Record<string, unknown>;
}

/** The border store's reads, each over a batch of clients. */
export const borderStore = {
  /** A page of each client's crossings, oldest first. */
  travelPage: (db: Queryable, ucis: readonly string[], page: Page) =>
    pagePerParent<TravelEvent>(
      db,
      {
        select: `id::text AS id, client_uci AS "clientUci", occurred_at AS "occurredAt", direction, mode, source,
          jsonb_build_object('code', port_code, 'name', port_name, 'province', port_province) AS port,
          jsonb_build_object('type', document_type, 'issuingCountry', document_country, 'lastDigits', document_last_digits) AS "travelDocument"`,
        from: 'travel_event',
        parentColumn: 'client_uci',
        orderBy: 'occurred_at, travel_event.id',
      },
      ucis,
      page,
    ),

  /** Every crossing up to a date: what a presence count needs, and nothing more. */
  crossingsUntil: (db: Queryable, ucis: readonly string[], until: string) =>
    db.query<Crossing & { clientUci: string }>(
      `SELECT client_uci AS "clientUci", occurred_at AS "occurredAt", direction
       FROM travel_event WHERE client_uci = ANY($1) AND occurred_at < ($2::date + 1)
       ORDER BY client_uci, occurred_at, id`,
      [ucis, until],
    ),

  enforcementByClient: (db: Queryable, ucis: readonly string[]) =>
    db.query<EnforcementRow>(
      `SELECT id, client_uci AS "clientUci", kind, occurred_on AS "occurredOn", location, details
       FROM enforcement_action WHERE client_uci = ANY($1) ORDER BY client_uci, occurred_on, id`,
      [ucis],
    ),
};
