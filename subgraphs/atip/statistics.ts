import { daysBetween } from '../kit/dates';
import { badUserInput } from '../../platform/errors';
import { deadlineStatus } from './deadlines';
import { AccessRequest } from './entities/access-request';
import { RequesterCategory } from './entities/enums';
import { assessSelfService } from './self-service/assessment';
import { atipMessages } from './messages/catalogue';

export interface Period {
  from: string;
  to: string;
}

/** "2023-2024" → 1 April 2023 to 31 March 2024, the federal fiscal year. */
export function fiscalYearPeriod(fiscalYear: string): Period {
  const match = /^(\d{4})-(\d{4})$/.exec(fiscalYear.trim());
  if (!match || Number(match[2]) !== Number(match[1]) + 1) {
    throw badUserInput(atipMessages.text('fiscalYear.invalid', { fiscalYear }), 'fiscalYear');
  }
  return { from: `${match[1]}-04-01`, to: `${match[2]}-03-31` };
}

export interface Statistics {
  received: number;
  completed: number;
  carriedOver: number;
  completedOnTime: number;
  averageDaysToComplete: number | null;
  byRequesterCategory: { category: RequesterCategory; requests: number }[];
  deemedRefusals: number;
  complaints: number;
}

const within = (date: string | null, period: Period) =>
  date !== null && date >= period.from && date <= period.to;

/**
 * The figures Treasury Board asks institutions to report, computed from the requests
 * themselves: received in the year, closed in the year, still open at its end (carried over),
 * closed within the time limit (extensions and holds counted), and closed late (deemed refusals).
 */
export function computeStatistics(requests: readonly AccessRequest[], period: Period): Statistics {
  const received = requests.filter((r) => within(r.receivedOn, period));
  const completed = requests.filter((r) => within(r.completedOn, period));
  const late = completed.filter((r) => deadlineStatus(r, r.completedOn!).deemedRefused);
  const byCategory = new Map<RequesterCategory, number>();
  for (const r of received)
    byCategory.set(r.requesterCategory, (byCategory.get(r.requesterCategory) ?? 0) + 1);
  const totalDays = completed.reduce((sum, r) => sum + daysBetween(r.receivedOn, r.completedOn!), 0);
  return {
    received: received.length,
    completed: completed.length,
    carriedOver: requests.filter(
      (r) => r.receivedOn <= period.to && (r.completedOn === null || r.completedOn > period.to),
    ).length,
    completedOnTime: completed.length - late.length,
    averageDaysToComplete: completed.length ? Math.round((totalDays / completed.length) * 10) / 10 : null,
    byRequesterCategory: [...byCategory]
      .map(([category, count]) => ({ category, requests: count }))
      .sort((a, b) => b.requests - a.requests),
    deemedRefusals: late.length,
    complaints: requests.filter((r) => r.complaint && within(r.complaint.filedOn, period)).length,
  };
}

/** Of the requests received in a period, how many asked only for what One Window already shows. */
export function selfServiceShare(
  requests: readonly AccessRequest[],
  period: Period,
): { requests: number; answerableNow: number; share: number } {
  const received = requests.filter((r) => within(r.receivedOn, period));
  const answerable = received.filter((r) => assessSelfService(r).coversWholeRequest).length;
  return {
    requests: received.length,
    answerableNow: answerable,
    share: received.length ? Math.round((answerable / received.length) * 1000) / 1000 : 0,
  };
}
