import { today } from '../kit/dates';
import { detentionReviews } from './detention-reviews';
import { EnforcementAction } from './entities/enforcement-action';
import { EnforcementActionKind, RemovalOrderType } from './entities/enums';
import { removalConsequence } from './removal-rules';
import { EnforcementRow } from './store';

/**
 * Turns a stored action into its GraphQL shape. Kind-specific facts are stored as JSON; what
 * follows from the law (the 30-day rule, review schedules) is computed here, at read time, so
 * it is always current.
 */
export function toEnforcementAction(row: EnforcementRow, now: Date = new Date()): EnforcementAction {
  const base = {
    id: row.id,
    clientUci: row.clientUci,
    kind: row.kind,
    occurredOn: row.occurredOn,
    location: row.location,
  };
  const details = row.details;
  switch (row.kind) {
    case EnforcementActionKind.REMOVAL_ORDER: {
      const consequence = removalConsequence(
        {
          orderType: details.orderType as RemovalOrderType,
          enforceableOn: (details.enforceableOn as string) ?? row.occurredOn,
          departureConfirmedOn: (details.departureConfirmedOn as string | null) ?? null,
          misrepresentation: details.misrepresentation === true,
        },
        today(),
      );
      return {
        ...base,
        ...details,
        orderType: consequence.effectiveType,
        requiresAuthorizationToReturn: consequence.requiresAuthorizationToReturn,
        barUntil: consequence.barUntil,
        explanation: consequence.explanation,
      } as EnforcementAction;
    }
    case EnforcementActionKind.DETENTION: {
      const startedAt = new Date(details.startedAt as string);
      const releasedAt = details.releasedAt ? new Date(details.releasedAt as string) : null;
      return {
        ...base,
        ...details,
        startedAt,
        releasedAt,
        reviews: detentionReviews(startedAt, releasedAt, now),
      } as EnforcementAction;
    }
    default:
      return { ...base, ...details };
  }
}
