/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone moves a day. */
const DAY_MS = 86_400_000;

/**
 * Days since 1970 and back, remembered: seeding a million clients does tens of millions of date
 * steps, and parsing and formatting dates was a third of its time. Callers' dates reach here too,
 * so each map keeps at most 50,000 days (137 years; the seed spans 86) at about 100 bytes each:
 * 5 MB a map, 10 MB in all, whatever callers send.
 */
const REMEMBERED = 50_000;
const dayOf = new Map<string, number>();
const isoOf = new Map<number, string>();

function dayNumber(isoDate: string): number {
  let day = dayOf.get(isoDate);
  if (day === undefined) {
    day = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
    if (dayOf.size < REMEMBERED) dayOf.set(isoDate, day);
  }
  return day;
}

function isoDateOf(day: number): string {
  let iso = isoOf.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoOf.size < REMEMBERED) isoOf.set(day, iso);
  }
  return iso;
}

export function addDays(isoDate: string, days: number): string {
  return isoDateOf(dayNumber(isoDate) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function today(): string {
  return toIsoDate(new Date());
}
