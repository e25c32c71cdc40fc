import { addDays, daysBetween } from '../kit/dates';
import { federalHolidays, isWeekend } from './holidays';

/** The statutory time limit: 30 calendar days after receipt, under both Acts (ATIA s.7, Privacy Act s.14). */
export const TIME_LIMIT_DAYS = 30;

export interface DeadlineFacts {
  receivedOn: string;
  extensions: readonly { days: number }[];
  holds: readonly { from: string; to: string | null }[];
  completedOn: string | null;
}

/**
 * The due date: 30 days from receipt, plus every extension taken, plus the days the request
 * spent on hold (the clock stops while the institution waits for a fee or a clarification).
 * A limit that ends on a Saturday, a Sunday or a federal holiday moves to the next working day
 * (Interpretation Act s.26, as Treasury Board applies it).
 */
export function dueDate(facts: DeadlineFacts, today: string): string {
  const extended = facts.extensions.reduce((days, extension) => days + extension.days, TIME_LIMIT_DAYS);
  const held = facts.holds.reduce(
    (days, hold) => days + Math.max(0, daysBetween(hold.from, hold.to ?? today)),
    0,
  );
  return nextWorkingDay(addDays(facts.receivedOn, extended + held));
}

function nextWorkingDay(isoDate: string): string {
  let day = isoDate;
  while (isWeekend(day) || federalHolidays(Number(day.slice(0, 4))).has(day)) day = addDays(day, 1);
  return day;
}

export interface DeadlineStatus {
  dueDate: string;
  /** Days left until the due date; negative once past it; null once answered. */
  daysRemaining: number | null;
  isOverdue: boolean;
  /** Not answered within the time limit: deemed a refusal (ATIA s.10(3), Privacy Act s.16(3)). */
  deemedRefused: boolean;
}

export function deadlineStatus(facts: DeadlineFacts, today: string): DeadlineStatus {
  const due = dueDate(facts, today);
  const open = facts.completedOn === null;
  return {
    dueDate: due,
    daysRemaining: open ? daysBetween(today, due) : null,
    isOverdue: open && today > due,
    deemedRefused: open ? today > due : facts.completedOn! > due,
  };
}
