import { GraphQLError } from 'graphql';
import { Text } from './language/catalogue';
import { currentLanguage } from './language/language-scope';

/**
 * Every `extensions.code` One Window answers with, its HTTP status and what it means: clients code
 * against these, every module raises them through `apiError`, and the error table of docs/errors.md is
 * rendered from this list (a test fails when the two differ).
 *
 * A "request error" refuses the request before anything runs: 400 to a client that accepts
 * `application/graphql-response+json`, 200 to one that accepts only `application/json`, as the
 * GraphQL-over-HTTP specification asks.
 */
export const ERRORS = {
  BAD_REQUEST: {
    status: 400,
    meaning: 'The body is not a GraphQL request: not JSON, the wrong content type, or no `query`.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'The body is larger than 256 KiB.' },
  BATCH_TOO_LARGE: { status: 400, meaning: 'More than one operation in a request: send each in its own.' },
  GRAPHQL_PARSE_FAILED: {
    status: 'request error',
    meaning: 'Not GraphQL, or more tokens than `ONE_WINDOW_MAX_TOKENS` (3000).',
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 'request error',
    meaning:
      'A field or argument the schema does not have (no names are suggested), or introspection nested deeper than the standard query.',
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 'request error',
    meaning: 'No operation named `operationName`, or several operations and none named.',
  },
  PERSISTED_QUERY_NOT_ALLOWED: {
    status: 400,
    meaning:
      "A partner client's document that is not in its persisted-query manifest (`npm run documents`): partners run only the documents their agreement covers, sent by text or by hash.",
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 200,
    meaning: 'An automatic persisted query the gateway has not seen yet: send it again with its text.',
  },
  QUERY_TOO_DEEP: {
    status: 'request error',
    meaning: 'Nested deeper than `ONE_WINDOW_MAX_DEPTH` (12); introspection types do not count.',
  },
  TOO_MANY_ALIASES: {
    status: 'request error',
    meaning: 'More aliases than `ONE_WINDOW_MAX_ALIASES` (30), counted through every fragment spread.',
  },
  QUERY_TOO_COSTLY: {
    status: 'request error',
    meaning:
      'Could resolve more fields than `ONE_WINDOW_MAX_COST` (50,000), counted with the page sizes the subgraphs will really fetch.',
  },
  BAD_USER_INPUT: {
    status: 200,
    meaning:
      "A malformed UCI, application or request number, cursor or period; an application that is not the client's; a wrong step for a request's state; an idempotency key replayed with a different request (`extensions.reason: IDEMPOTENCY_KEY_REUSED`); introspection mixed with data. `extensions.field` names the argument. Refused before anything runs — a variable of the wrong type, a page size (`first`) below 1 or above the field's maximum — it is a request error.",
  },
  NOT_FOUND: {
    status: 200,
    meaning:
      'The record named does not exist; `extensions.field` names the argument. Also HTTP 404 for `/health`, `/ready` and `/metrics` on the API port: they are served on the admin port.',
  },
  UNAUTHENTICATED: {
    status: 401,
    meaning:
      "A token that is expired, not yet valid, for another audience or issuer, tampered with, unsigned, HMAC-signed or not an access token; or a subgraph reached without the gateway's signed caller.",
  },
  FORBIDDEN: {
    status: 200,
    meaning:
      "A field the token's scopes do not open (the rest of the data still comes), another person's file, or an officer step by anyone but an officer holding `atip:write`.",
  },
  SUBGRAPH_UNAVAILABLE: {
    status: 200,
    meaning:
      'A departmental system did not answer; its fields are null, `extensions.serviceName` names it and `extensions.reason` says why (`timeout`, `circuit-open`, `unreachable`, `overloaded`, `server-error`, `bad-response`, `refused`).',
  },
  RATE_LIMITED: {
    status: 429,
    meaning:
      "More requests in a minute than the caller's role allows (per token subject and OAuth client, or per address without a token; `ONE_WINDOW_RATE_LIMIT_<ROLE>`), refused ones included; or more requests whose token does not verify than an address may send (`ONE_WINDOW_RATE_LIMIT_UNVERIFIED`). `Retry-After` says when to try again.",
  },
  OVERLOADED: {
    status: 503,
    meaning:
      'More requests at once than the gateway can answer at its usual speed (an adaptive limit, `ONE_WINDOW_CONCURRENCY`), and no place came free in time: refused before any GraphQL work, nothing run or recorded (it still counts against the rate limit). `Retry-After` (1–3 s) says when to try again.',
  },
  AUDIT_UNAVAILABLE: {
    status: 503,
    meaning:
      'The access could not be recorded (the outbox or the audit trail failed, its queue was full or did not start the write within 3 s, or the trail is further behind the answers than its bound), so the answer is withheld; a record refused by the queue was never sent, and one whose write failed may still have been stored. `Retry-After` says when to try again.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 200,
    meaning:
      "A fault on One Window's side; its details are logged, never sent (500 when nothing at all could be answered).",
  },
} as const satisfies Record<string, { status: number | 'request error'; meaning: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A request error is 400 on the wire; the HTTP front tells application/json clients 200 (GraphQL over HTTP). */
const REQUEST_ERROR_STATUS = 400;

/** The HTTP status a code answers with, where it sets one. */
export function httpStatusOf(code: ErrorCode): number {
  const { status } = ERRORS[code];
  return status === 'request error' ? REQUEST_ERROR_STATUS : status;
}

/**
 * An error with a catalogued code, its message written in the request's language (codes are the
 * same in both); codes that set an HTTP status carry it for Apollo Server.
 */
export function apiError(
  code: ErrorCode,
  message: Text,
  extensions: Record<string, unknown> = {},
  path?: readonly (string | number)[],
): GraphQLError {
  const status = httpStatusOf(code);
  return new GraphQLError(message.render(currentLanguage()), {
    path,
    extensions: { code, ...extensions, ...(status !== 200 ? { http: { status } } : {}) },
  });
}

/** An error that refuses the request before anything runs (400, or 200 to application/json clients). */
export function requestError(
  code: ErrorCode,
  message: Text,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message.render(currentLanguage()), {
    extensions: { code, ...extensions, http: { status: REQUEST_ERROR_STATUS } },
  });
}

/** The caller sent something malformed; `field` names the argument so a form can highlight it. */
export function badUserInput(message: Text, field: string, more: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message.render(currentLanguage()), {
    extensions: { code: 'BAD_USER_INPUT', field, ...more },
  });
}

/** No valid credentials: HTTP 401. */
export function unauthenticated(message: Text): GraphQLError {
  return apiError('UNAUTHENTICATED', message);
}

/** Valid credentials that do not open this record. */
export function forbidden(message: Text): GraphQLError {
  return apiError('FORBIDDEN', message);
}

/** The record named does not exist (or the caller may not know it does). */
export function notFound(message: Text, field: string): GraphQLError {
  return apiError('NOT_FOUND', message, { field });
}

/** The error table of docs/errors.md, rendered from the catalogue. */
export function errorTable(): string {
  const rows = Object.entries(ERRORS).map(
    ([code, { status, meaning }]) => `| \`${code}\` | ${status} | ${meaning} |`,
  );
  return ['| code | status | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
