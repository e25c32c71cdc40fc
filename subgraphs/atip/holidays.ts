import { addDays } from '../kit/dates';

/**
 * Federal statutory holidays (Canada Labour Code s.166, plus the National Day for Truth and
 * Reconciliation from 2021), as ISO dates. A holiday falling on a weekend is observed on the
 * following Monday, as the federal public service does.
 */
const byYear = new Map<number, Set<string>>();

export function federalHolidays(year: number): Set<string> {
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = computeHolidays(year);
    byYear.set(year, holidays);
  }
  return holidays;
}

function computeHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const dates = [
    `${year}-01-01`,
    addDays(easter, -2), // Good Friday
    addDays(easter, 1), // Easter Monday
    lastMondayOnOrBefore(`${year}-05-24`), // Victoria Day
    `${year}-07-01`,
    nthMonday(year, 9, 1), // Labour Day
    ...(year >= 2021 ? [`${year}-09-30`] : []),
    nthMonday(year, 10, 2), // Thanksgiving
    `${year}-11-11`,
    `${year}-12-25`,
    `${year}-12-26`,
  ];
  const observed = new Set<string>();
  for (const date of dates) {
    let day = date;
    while (isWeekend(day) || observed.has(day)) day = addDays(day, 1);
    observed.add(date);
    observed.add(day);
  }
  return observed;
}

export function isWeekend(isoDate: string): boolean {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastMondayOnOrBefore(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((weekday + 6) % 7));
}

function nthMonday(year: number, month: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay();
  return addDays(first, ((8 - weekday) % 7) + 7 * (n - 1));
}
