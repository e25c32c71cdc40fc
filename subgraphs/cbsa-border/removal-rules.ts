import { calendarDay, Text } from '../../platform/language/catalogue';
import { addDays } from '../kit/dates';
import { borderMessages } from './messages/catalogue';
import { RemovalOrderType } from './entities/enums';

export interface RemovalFacts {
  orderType: RemovalOrderType;
  /** The day the order became enforceable. */
  enforceableOn: string;
  departureConfirmedOn: string | null;
  /** An exclusion order for misrepresentation bars return for 5 years instead of 1. */
  misrepresentation: boolean;
}

export interface RemovalConsequence {
  /** The order in effect after the 30-day rule is applied. */
  effectiveType: RemovalOrderType;
  requiresAuthorizationToReturn: boolean;
  barUntil: string | null;
  explanation: Text;
}

const DEPARTURE_WINDOW_DAYS = 30;

/**
 * IRPR 224–226: a departure order not complied with within 30 days becomes a deportation order;
 * an exclusion order bars return without authorization for one year (five for
 * misrepresentation); a deportation order bars it permanently.
 */
export function removalConsequence(facts: RemovalFacts, today: string): RemovalConsequence {
  const deadline = addDays(facts.enforceableOn, DEPARTURE_WINDOW_DAYS);
  if (facts.orderType === RemovalOrderType.DEPARTURE) {
    if (facts.departureConfirmedOn && facts.departureConfirmedOn <= deadline) {
      return {
        effectiveType: RemovalOrderType.DEPARTURE,
        requiresAuthorizationToReturn: false,
        barUntil: null,
        explanation: borderMessages.text('removal.departureConfirmed', { deadline: calendarDay(deadline) }),
      };
    }
    if (today > deadline || facts.departureConfirmedOn) {
      return {
        effectiveType: RemovalOrderType.DEPORTATION,
        requiresAuthorizationToReturn: true,
        barUntil: null,
        explanation: borderMessages.text('removal.departureBecameDeportation', {
          deadline: calendarDay(deadline),
        }),
      };
    }
    return {
      effectiveType: RemovalOrderType.DEPARTURE,
      requiresAuthorizationToReturn: false,
      barUntil: null,
      explanation: borderMessages.text('removal.departurePending', { deadline: calendarDay(deadline) }),
    };
  }
  if (facts.orderType === RemovalOrderType.EXCLUSION) {
    const years = facts.misrepresentation ? 5 : 1;
    const barUntil = facts.departureConfirmedOn ? addYears(facts.departureConfirmedOn, years) : null;
    return {
      effectiveType: RemovalOrderType.EXCLUSION,
      requiresAuthorizationToReturn: barUntil === null || today < barUntil,
      barUntil,
      explanation: barUntil
        ? borderMessages.text('removal.exclusionUntil', {
            years,
            misrepresentation: facts.misrepresentation ? 'yes' : 'no',
            barUntil: calendarDay(barUntil),
          })
        : borderMessages.text('removal.exclusionFromDeparture', {
            years,
            misrepresentation: facts.misrepresentation ? 'yes' : 'no',
          }),
    };
  }
  return {
    effectiveType: RemovalOrderType.DEPORTATION,
    requiresAuthorizationToReturn: true,
    barUntil: null,
    explanation: borderMessages.text('removal.deportation'),
  };
}

function addYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}
