import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';
import { currentLanguage } from './language/language-scope';
import { platformMessages } from './messages/catalogue';
import { requestLogger } from './observability/request-record';
import { DeadlinePassed } from './resilience/deadline';

/**
 * A fault, for the operator: its kind, SQLSTATE, path and stack frames. Its message may quote a
 * caller's input (a date, a name), so it is written only at debug level.
 */
function reportFault(error: unknown, formatted: GraphQLFormattedError): void {
  const fault = error as Partial<Error> & { code?: unknown };
  const logger = requestLogger();
  if (error instanceof DeadlinePassed) {
    logger.debug({ path: formatted.path }, 'stopped at the deadline');
    return;
  }
  logger.error(
    {
      errorName: fault.name,
      sqlState: typeof fault.code === 'string' ? fault.code : undefined,
      path: formatted.path,
      serviceName: formatted.extensions?.serviceName,
      frames: fault.stack
        ?.split('\n')
        .slice(1, 8)
        .map((frame) => frame.trim()),
    },
    'internal error',
  );
  logger.debug({ message: fault.message ?? formatted.message }, 'internal error message');
}

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
  reportFault(unwrapResolverError(error), formatted);
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
