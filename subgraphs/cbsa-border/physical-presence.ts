import { calendarDay, joinTexts, Text } from '../../platform/language/catalogue';
import { addDays, daysBetween, toIsoDate } from '../kit/dates';
import { borderMessages } from './messages/catalogue';
import { MissingExitTreatment, TravelDirection } from './entities/enums';

export interface Crossing {
  occurredAt: Date;
  direction: TravelDirection;
}

export interface PresenceCount {
  days: number;
  confirmedDays: number;
  uncertainDays: number;
  missingExits: number;
  explanation: Text;
}

/** The dates exit records begin: US entry data at land crossings, then airline passenger lists. */
export const EXIT_RECORDS_SINCE = {
  landForeignNationals: '2013-06-30',
  landAllTravellers: '2019-07-11',
  air: '2020-06-25',
};

/**
 * Counts days physically present in Canada between `from` and `to` (both included), the way
 * IRCC's physical-presence calculator does: the day of an entry and the day of an exit each
 * count as a day in Canada. A stay is open from an entry to the next exit. When an entry is
 * followed by another entry, the exit between them was never recorded (exit data only exists
 * for land crossings since 2013 and air since 2020): the days in between are uncertain, and
 * `treatment` decides whether they count.
 */
export function countPresence(
  crossings: readonly Crossing[],
  from: string,
  to: string,
  treatment: MissingExitTreatment,
): PresenceCount {
  const confirmed: [string, string][] = [];
  const uncertain: [string, string][] = [];
  let missingExits = 0;
  let enteredOn: string | null = null;
  let previousDay: string | null = null;
  const ordered = [...crossings].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const crossing of ordered) {
    const day = toIsoDate(crossing.occurredAt);
    if (crossing.direction === TravelDirection.ENTRY) {
      if (enteredOn !== null) {
        missingExits += 1;
        confirmed.push([enteredOn, enteredOn]);
        uncertain.push([addDays(enteredOn, 1), addDays(day, -1)]);
      }
      enteredOn = day;
    } else if (enteredOn !== null) {
      confirmed.push([enteredOn, day]);
      enteredOn = null;
    } else {
      // An exit with no entry before it: the entry predates the records or was not captured.
      uncertain.push([previousDay === null ? from : addDays(previousDay, 1), addDays(day, -1)]);
      confirmed.push([day, day]);
    }
    previousDay = day;
  }
  if (enteredOn !== null) confirmed.push([enteredOn, to]);

  const confirmedDays = countDays(confirmed, from, to);
  const uncertainDays = countDays(uncertain, from, to) - overlap(uncertain, confirmed, from, to);
  const days = confirmedDays + (treatment === MissingExitTreatment.COUNT_AS_PRESENT ? uncertainDays : 0);
  return {
    days,
    confirmedDays,
    uncertainDays,
    missingExits,
    explanation: explain(confirmedDays, uncertainDays, missingExits, treatment),
  };
}

function clip([start, end]: [string, string], from: string, to: string): [string, string] | null {
  const s = start < from ? from : start;
  const e = end > to ? to : end;
  return s <= e ? [s, e] : null;
}

function countDays(ranges: [string, string][], from: string, to: string): number {
  return mergedDays(ranges.map((r) => clip(r, from, to)).filter((r): r is [string, string] => r !== null));
}

/** Days that are in both an uncertain and a confirmed range (an exit recorded on the day after an entry, say). */
function overlap(
  uncertain: [string, string][],
  confirmed: [string, string][],
  from: string,
  to: string,
): number {
  const both: [string, string][] = [];
  for (const u of uncertain) {
    for (const c of confirmed) {
      const s = u[0] > c[0] ? u[0] : c[0];
      const e = u[1] < c[1] ? u[1] : c[1];
      if (s <= e) both.push([s, e]);
    }
  }
  return countDays(both, from, to);
}

function mergedDays(ranges: [string, string][]): number {
  const sorted = [...ranges].sort((a, b) => a[0].localeCompare(b[0]));
  let total = 0;
  let current: [string, string] | null = null;
  for (const range of sorted) {
    if (current && range[0] <= addDays(current[1], 1)) {
      if (range[1] > current[1]) current[1] = range[1];
    } else {
      if (current) total += daysBetween(current[0], current[1]) + 1;
      current = [range[0], range[1]];
    }
  }
  if (current) total += daysBetween(current[0], current[1]) + 1;
  return total;
}

function explain(
  confirmedDays: number,
  uncertainDays: number,
  missingExits: number,
  treatment: MissingExitTreatment,
): Text {
  const confirmed = borderMessages.text('presence.confirmed', { confirmedDays });
  if (uncertainDays === 0) return confirmed;
  return joinTexts(
    [
      confirmed,
      borderMessages.text('presence.uncertain', {
        uncertainDays,
        stays: missingExits,
        landForeignNationals: calendarDay(EXIT_RECORDS_SINCE.landForeignNationals),
        landAllTravellers: calendarDay(EXIT_RECORDS_SINCE.landAllTravellers),
        air: calendarDay(EXIT_RECORDS_SINCE.air),
        treatment,
      }),
    ],
    ' ',
  );
}
