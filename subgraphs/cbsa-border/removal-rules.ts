import { addDays } from '../kit/dates';
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
  explanation: string;
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
        explanation: `You left by ${deadline}, within 30 days, and CBSA confirmed your departure: you may apply to come back without an Authorization to Return to Canada.`,
      };
    }
    if (today > deadline || facts.departureConfirmedOn) {
      return {
        effectiveType: RemovalOrderType.DEPORTATION,
        requiresAuthorizationToReturn: true,
        barUntil: null,
        explanation: `Departure was not confirmed by ${deadline}, 30 days after the order became enforceable, so it became a deportation order: returning to Canada needs an Authorization to Return, with no end date.`,
      };
    }
    return {
      effectiveType: RemovalOrderType.DEPARTURE,
      requiresAuthorizationToReturn: false,
      barUntil: null,
      explanation: `You must leave Canada and confirm your departure with CBSA by ${deadline}; otherwise the order becomes a deportation order.`,
    };
  }
  if (facts.orderType === RemovalOrderType.EXCLUSION) {
    const years = facts.misrepresentation ? 5 : 1;
    const barUntil = facts.departureConfirmedOn ? addYears(facts.departureConfirmedOn, years) : null;
    return {
      effectiveType: RemovalOrderType.EXCLUSION,
      requiresAuthorizationToReturn: barUntil === null || today < barUntil,
      barUntil,
      explanation: `An exclusion order bars return without an Authorization to Return for ${years} year${years > 1 ? 's' : ''} after removal${
        facts.misrepresentation ? ' (five years because of misrepresentation)' : ''
      }${barUntil ? `: until ${barUntil}.` : ', counted from the day you leave.'}`,
    };
  }
  return {
    effectiveType: RemovalOrderType.DEPORTATION,
    requiresAuthorizationToReturn: true,
    barUntil: null,
    explanation:
      'A deportation order bars return to Canada permanently unless an Authorization to Return to Canada is granted.',
  };
}

function addYears(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}
