import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../platform/errors';
import { defineCatalogue, Text } from '../../platform/language/catalogue';
import { Language } from '../../platform/language/language';
import EN from './graphql-js/en.json';
import FR from './graphql-js/fr.json';

/**
 * graphql-js and Apollo Server write their parse, validation and coercion errors in English. Each
 * English template here (the catalogue's English side, with the variable parts named) is matched
 * against such a message, and the French side is written with what it captured. Messages are
 * matched part by part (`; ` joins a variable's error to its cause), and a part no template
 * matches is left as it is.
 */
const catalogue = defineCatalogue({ EN, FR });
type Id = keyof typeof EN;

const templates = (Object.entries(EN) as [Id, string][]).map(([id, template]) => {
  const parts = template.split(/\{(\w+)\}/);
  const names = parts.filter((_, index) => index % 2 === 1);
  const pattern = parts.map((part, index) => (index % 2 === 1 ? '(.+?)' : escape(part))).join('');
  return { id, names, regex: new RegExp(`^${pattern}$`, 's') };
});

/**
 * The codes graphql-js and Apollo Server answer with. Every other error is One Window's own,
 * written in the caller's language already, and may quote the caller's input word for word: it is
 * never read against the templates.
 */
const WRITTEN_BY_GRAPHQL_JS = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'BAD_REQUEST',
] satisfies ErrorCode[]);

/** Past this length a part is mostly the caller's own text: it is left as it is, and the matching stays cheap. */
const MAX_PART_LENGTH = 2000;

/** An error graphql-js or Apollo Server wrote, in the request's language; any other as it is. */
export function inLanguageOfRequest(
  formatted: GraphQLFormattedError,
  language: Language,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code !== 'string' || !WRITTEN_BY_GRAPHQL_JS.has(code)) return formatted;
  return { ...formatted, message: translateGraphQLJsMessage(formatted.message, language) };
}

/** Suggestions are already removed from validation errors; what is left of one is dropped here too. */
const SUGGESTION = / Did you mean .*$/s;

function translateGraphQLJsMessage(message: string, language: Language): string {
  if (language === 'EN') return message;
  return message
    .split('; ')
    .map((part) =>
      part.length > MAX_PART_LENGTH ? part : (translatePart(part.replace(SUGGESTION, ''), language) ?? part),
    )
    .join('; ');
}

/** A graphql-js message as a text, for errors One Window raises with it (invalid variables). */
export function graphQLJsText(message: string): Text {
  return { render: (language) => translateGraphQLJsMessage(message, language) };
}

function translatePart(part: string, language: Language): string | null {
  for (const { id, names, regex } of templates) {
    const match = regex.exec(part);
    if (match) {
      const values = Object.fromEntries(names.map((name, index) => [name, match[index + 1]]));
      return catalogue.format(language, id, values);
    }
  }
  return null;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
