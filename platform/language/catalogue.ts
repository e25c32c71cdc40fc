import { createIntl, createIntlCache, IntlShape } from '@formatjs/intl';
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
 * A catalogue of ICU messages (plural, select, number and date arguments) formatted by FormatJS.
 * The French file is typed by the English one, so a message missing from either does not compile;
 * the catalogue test checks both take the same parameters.
 */
export function defineCatalogue<English extends Record<string, string>>(messages: {
  EN: English;
  FR: Readonly<Record<keyof English, string>>;
}): Catalogue<keyof English & string> {
  type Id = keyof English & string;
  const cache = createIntlCache();
  const intl = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      createIntl(
        {
          locale: LOCALE[language],
          messages: messages[language],
          // Dates in texts are calendar days, which are the same everywhere.
          timeZone: 'UTC',
          onError: (error) => {
            throw error;
          },
        },
        cache,
      ),
    ]),
  ) as Record<Language, IntlShape>;
  const format = (language: Language, id: Id, values: MessageValues = {}): string =>
    intl[language].formatMessage(
      { id },
      Object.fromEntries(
        Object.entries(values).map(([name, value]) => [name, isText(value) ? value.render(language) : value]),
      ),
      // Messages are plain text: "Bearer <token>" is words, not markup.
      { ignoreTag: true },
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
