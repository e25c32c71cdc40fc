import { IntlMessageFormat, Formatters } from 'intl-messageformat';
import { longDate } from './dates';
import { Language, LANGUAGES, LOCALE } from './language';

/**
 * A message's parameters: numbers and dates are written the way each language writes them, and a
 * text (a citation, say) in the message's language.
 */
export type MessageValues = Readonly<Record<string, string | number | Date | Text>>;

/** A text One Window will say, not yet in a language: rendered when the answer's language is known. */
export interface Text {
  render(language: Language): string;
}

export interface Catalogue<Id extends string> {
  text(id: Id, values?: MessageValues): Text;
  format(language: Language, id: Id, values?: MessageValues): string;
}

/**
 * How a language's messages write their arguments: numbers and plurals by the locale's rules
 * (French groups digits with a no-break space), dates always by `longDate`, so that no message
 * writes a date its own way (« 1er avril », never « 1 avril »). The catalogue test allows dates
 * only in the `long` style.
 */
function formattersFor(language: Language): Formatters {
  const numbers = new Map<string, Intl.NumberFormat>();
  const plurals = new Map<string, Intl.PluralRules>();
  const dates = { format: (date: Date) => longDate(date, language) };
  return {
    getNumberFormat: (locales, options) => {
      const key = JSON.stringify(options ?? {});
      // FormatJS's options type allows `useGrouping: 'auto'`, which this TypeScript lib predates.
      const found = numbers.get(key) ?? new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions);
      numbers.set(key, found);
      return found;
    },
    getPluralRules: (locales, options) => {
      const key = JSON.stringify(options ?? {});
      const found = plurals.get(key) ?? new Intl.PluralRules(locales, options);
      plurals.set(key, found);
      return found;
    },
    // Only `format` is called for a date argument; the rest of Intl.DateTimeFormat is never used.
    getDateTimeFormat: () => dates as Intl.DateTimeFormat,
  };
}

/**
 * A catalogue of ICU messages (plural, select, number and date arguments), each compiled once.
 * The French file is typed by the English one, so a message missing from either does not compile;
 * the catalogue test checks both take the same parameters.
 */
export function defineCatalogue<English extends Record<string, string>>(messages: {
  EN: English;
  FR: Readonly<Record<keyof English, string>>;
}): Catalogue<keyof English & string> {
  type Id = keyof English & string;
  const compiled = Object.fromEntries(
    LANGUAGES.map((language) => {
      const formatters = formattersFor(language);
      return [
        language,
        Object.fromEntries(
          Object.entries(messages[language]).map(([id, message]) => [
            id,
            // Messages are plain text: "Bearer <token>" is words, not markup.
            new IntlMessageFormat(message, LOCALE[language], undefined, { formatters, ignoreTag: true }),
          ]),
        ),
      ];
    }),
  ) as Record<Language, Record<string, IntlMessageFormat>>;
  const format = (language: Language, id: Id, values: MessageValues = {}): string =>
    String(
      compiled[language][id].format(
        Object.fromEntries(
          Object.entries(values).map(([name, value]) => [
            name,
            isText(value) ? value.render(language) : value,
          ]),
        ),
      ),
    );
  return { format, text: (id, values = {}) => ({ render: (language) => format(language, id, values) }) };
}

function isText(value: MessageValues[string]): value is Text {
  return typeof value === 'object' && 'render' in value;
}

/** Several texts read as one: sentences of a paragraph (`' '`), items of a line (`'; '`). */
export function joinTexts(texts: readonly Text[], separator: string): Text {
  return { render: (language) => texts.map((text) => text.render(language)).join(separator) };
}

/** A calendar day (`2026-11-01`) as the Date a message's `date` argument takes. */
export function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}
