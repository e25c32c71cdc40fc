import { Language } from './language';

const MONTHS: Record<Language, readonly string[]> = {
  EN: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  FR: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
};

/** Keeps a date's parts on one line (Canadian typography: « 1er avril 2026 » is never broken). */
const NO_BREAK = '\u00a0';

/**
 * A calendar day written out in full, the one way a text says a date: "April 1, 2026" in English,
 * « 1er avril 2026 » in French (the first of the month is an ordinal, the others are not). Dates
 * in texts are calendar days, the same everywhere, so the day is read in UTC.
 */
export function longDate(date: Date, language: Language): string {
  const day = date.getUTCDate();
  const month = MONTHS[language][date.getUTCMonth()];
  const year = date.getUTCFullYear();
  if (language === 'EN') return `${month} ${day}, ${year}`;
  return `${day === 1 ? '1er' : day}${NO_BREAK}${month}${NO_BREAK}${year}`;
}
