import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';
import { currentLanguage } from './language/language-scope';
import { platformMessages } from './messages/catalogue';

/**
 * Errors raised on purpose carry a stable code and reach the client as they are (the gateway
 * passes subgraph errors on with their code and `serviceName`). Anything else is a fault whose
 * message may hold SQL or file paths: the client gets a fixed message, the log gets the detail.
 */
/** Codes that mean "nobody raised this on purpose": a fault here, or an uncoded error from a subgraph. */
const UNEXPECTED = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

export function maskInternalErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && !UNEXPECTED.has(code)) return formatted;
  console.error('[one-window] internal error:', unwrapResolverError(error));
  const serviceName = formatted.extensions?.serviceName;
  return {
    message: platformMessages.format(currentLanguage(), 'internal'),
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode,
      ...(serviceName ? { serviceName } : {}),
    },
  };
}
