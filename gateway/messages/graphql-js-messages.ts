import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../platform/errors';
import { defineCatalogue, Text } from '../../platform/language/catalogue';
import { Language, LOCALE } from '../../platform/language/language';
import { gatewayMessages } from './catalogue';
import EN from './graphql-js/en.json';
import FR from './graphql-js/fr.json';

/**
 * graphql-js and Apollo Server write their parse, validation and coercion errors in English. Each
 * English template here (the catalogue's English side, with the variable parts named) is matched
 * against such a message, and the French side is written with what it captured. Messages are
 * matched part by part (`; ` joins a variable's error to its cause), and a part no template
 * matches is left as it is.
 *
 * Matching costs time linear in the part and never backtracks: a template is its literal pieces,
 * found in order with `indexOf` (each variable takes the shortest text up to the next piece, as a
 * lazy group would, but nothing is retried), and the last variable runs to the closing piece.
 */
const catalogue = defineCatalogue({ EN, FR });
type Id = keyof typeof EN;

interface Template {
  id: Id;
  names: string[];
  literals: string[];
}

const allTemplates: Template[] = (Object.entries(EN) as [Id, string][]).map(([id, template]) => {
  const parts = template.split(/\{(\w+)\}/);
  return {
    id,
    names: parts.filter((_, index) => index % 2 === 1),
    literals: parts.filter((_, index) => index % 2 === 0),
  };
});
/** Why two fields conflict (`reason.*`) is only ever read inside a conflict message, never on its own. */
const reasonTemplates = allTemplates.filter(({ id }) => id.startsWith('reason.'));
const templates = allTemplates.filter(({ id }) => !id.startsWith('reason.'));

/** The variable parts of `text` between `literals` (a caller's empty string is one too), or null. */
export function matchLiterals(literals: readonly string[], text: string): string[] | null {
  if (!text.startsWith(literals[0])) return null;
  const values: string[] = [];
  let position = literals[0].length;
  for (let i = 1; i < literals.length; i++) {
    const literal = literals[i];
    const end =
      i === literals.length - 1
        ? text.endsWith(literal)
          ? text.length - literal.length
          : -1
        : text.indexOf(literal, position);
    if (end < position) return null;
    values.push(text.slice(position, end));
    position = end + literal.length;
  }
  return position === text.length ? values : null;
}

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
/** Only the first parts are translated (graphql-js writes one or two); the rest are left as they are. */
const MAX_PARTS = 4;

/**
 * Apollo Server's refusal of introspection tells the caller to change its own constructor
 * option; One Window's names the setting an operator changes, in either language.
 */
const APOLLO_INTROSPECTION_OFF =
  'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production';

/** An error graphql-js or Apollo Server wrote, in the request's language; any other as it is. */
export function inLanguageOfRequest(
  formatted: GraphQLFormattedError,
  language: Language,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code !== 'string' || !WRITTEN_BY_GRAPHQL_JS.has(code)) return formatted;
  if (formatted.message === APOLLO_INTROSPECTION_OFF)
    return { ...formatted, message: gatewayMessages.format(language, 'introspection.off') };
  return { ...formatted, message: translateGraphQLJsMessage(formatted.message, language) };
}

/** Suggestions are already removed from validation errors; what is left of one is dropped here too. */
const SUGGESTION = ' Did you mean ';

/**
 * graphql-js joins a value's error to its cause with `; ` (`Variable "$x" got invalid value V;
 * Enum "E" cannot represent …`), and the caller's value V may hold `; ` itself. Where the plain
 * split leaves a part unread, the joins are tried in order, at most MAX_JOINS_TRIED of them, for
 * one whose two sides both read.
 */
const MAX_JOINS_TRIED = 8;

function translateGraphQLJsMessage(message: string, language: Language): string {
  if (language === 'EN') return message;
  if (message.length <= MAX_PART_LENGTH) {
    const whole = translateJoined(message, language, 1);
    if (whole !== null) return whole;
  }
  const parts = message.split('; ', MAX_PARTS);
  const translated = parts.map((part) =>
    part.length > MAX_PART_LENGTH ? part : (translateOne(part, language) ?? part),
  );
  // What the split left unread follows as it was.
  const read = parts.reduce((length, part) => length + part.length + 2, 0);
  return translated.join('; ') + (read < message.length ? `; ${message.slice(read)}` : '');
}

/**
 * `text` read as a value's error and its cause (`joins` more), or else as one message, or null.
 * The joins come first: a message ending in the caller's value would otherwise take the cause
 * into that value.
 */
function translateJoined(text: string, language: Language, joins: number): string | null {
  let from = 0;
  for (let tried = 0; joins > 0 && tried < MAX_JOINS_TRIED; tried++) {
    const at = text.indexOf('; ', from);
    if (at < 0) break;
    const head = translateOne(text.slice(0, at), language);
    const rest = head === null ? null : translateJoined(text.slice(at + 2), language, joins - 1);
    // A cause continues the sentence after the semicolon: in lower case (« …; le type « Int » … »).
    if (rest !== null) return `${head}; ${continuing(rest)}`;
    from = at + 2;
  }
  return translateOne(text, language);
}

/** A sentence's first letter in lower case, unless the first word is an acronym or code. */
function continuing(sentence: string): string {
  return /^\p{Lu}[\p{Ll}’]/u.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
}

function translateOne(part: string, language: Language): string | null {
  const suggestion = part.indexOf(SUGGESTION);
  return translatePart(suggestion < 0 ? part : part.slice(0, suggestion), language);
}

/** A graphql-js message as a text, for errors One Window raises with it (invalid variables). */
export function graphQLJsText(message: string): Text {
  return { render: (language) => translateGraphQLJsMessage(message, language) };
}

function translatePart(part: string, language: Language, among = templates): string | null {
  for (const { id, names, literals } of among) {
    const match = matchLiterals(literals, part);
    if (match)
      return catalogue.format(
        language,
        id,
        Object.fromEntries(names.map((name, i) => [name, inFrench(name, match[i], language)])),
      );
  }
  return null;
}

/**
 * A detail graphql-js wrote into its message, as French writes it: token descriptions (`Name "x"`,
 * `<EOF>`, `"{"`), directive locations (`FIELD`), why two fields conflict, names in straight
 * quotes. The caller's own names and values are kept as they are, between « » or backticks.
 */
function inFrench(name: string, value: string, language: Language): string {
  if (language === 'EN') return value;
  switch (name) {
    case 'token':
    case 'expected':
    case 'found':
    case 'character':
    case 'sequence':
      return tokenInFrench(value);
    case 'location':
      return Object.hasOwn(DIRECTIVE_LOCATIONS, value) ? DIRECTIVE_LOCATIONS[value] : `\`${value}\``;
    case 'definition':
      return value === 'schema' ? 'de schéma' : quotedInFrench(value);
    case 'path':
      return quotedInFrench(value);
    case 'max':
      return /^\d+$/.test(value) ? FRENCH_NUMBERS.format(Number(value)) : value;
    case 'types':
    case 'headers':
      return listInFrench(value);
    case 'reason':
    case 'conflict':
      return translatePart(value, language, reasonTemplates) ?? value;
    case 'detail':
      return translatePart(value, language) ?? value;
    default:
      return value;
  }
}

const FRENCH_NUMBERS = new Intl.NumberFormat(LOCALE.FR);

/** Apollo Server's comma-separated list (`a, b, c`) as « `a`, `b` ou `c` ». */
function listInFrench(value: string): string {
  const items = value.split(', ').map((item) => `\`${item}\``);
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ou ${items.at(-1)}`;
}

/** Names graphql-js puts between straight quotes, between « » with no-break spaces. */
function quotedInFrench(value: string): string {
  return value.replace(/"([^"]*)"/g, '«\u00a0$1\u00a0»');
}

const TOKEN_KINDS: Record<string, string> = {
  '<SOF>': 'début du document',
  '<EOF>': 'fin du document',
  Name: 'nom',
  Int: 'entier',
  Float: 'nombre décimal',
  String: 'chaîne',
  BlockString: 'bloc de texte',
  Comment: 'commentaire',
};

/** `Name "x"` is « nom « x » », `<EOF>` the end of the document, `"{"` or `"on"` « { » or « on ». */
function tokenInFrench(description: string): string {
  // A character or sequence graphql-js quotes whole (`"#"`, `"\u12"`"`), and a double quote as '"'.
  const quoted = /^"(.*)"$/s.exec(description) ?? /^'(")'$/.exec(description);
  if (quoted) return `«\u00a0${quoted[1]}\u00a0»`;
  const space = description.indexOf(' ');
  const kind = space < 0 ? description : description.slice(0, space);
  if (Object.hasOwn(TOKEN_KINDS, kind))
    return space < 0
      ? TOKEN_KINDS[kind]
      : `${TOKEN_KINDS[kind]} ${quotedInFrench(description.slice(space + 1))}`;
  return quotedInFrench(description);
}

/** Where a directive was put, for the executable locations a caller's document can have. */
const DIRECTIVE_LOCATIONS: Record<string, string> = {
  QUERY: 'une opération de lecture (`query`)',
  MUTATION: 'une opération de modification (`mutation`)',
  SUBSCRIPTION: 'un abonnement (`subscription`)',
  FIELD: 'un champ',
  FRAGMENT_DEFINITION: 'une définition de fragment',
  FRAGMENT_SPREAD: 'une inclusion de fragment',
  INLINE_FRAGMENT: 'un fragment en ligne',
  VARIABLE_DEFINITION: 'une définition de variable',
};
