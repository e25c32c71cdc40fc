import pino, { DestinationStream, Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs, one object per line, for the gateway and every subgraph. What is logged
 * about a request is its id (the audit trail's), trace id, operation, role, duration and outcome:
 * never a name, a UCI or a token. Who read which file is the audit trail's job, under its own
 * access rules. LOG_LEVEL sets the level (info by default).
 */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  return pino(
    {
      base: { service },
      level: process.env.LOG_LEVEL ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
