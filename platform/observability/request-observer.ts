import { Logger } from './logger';
import { Metrics } from './metrics';
import { RequestRecord } from './request-record';
import { currentTraceId } from './tracing';

/**
 * One request answered: counted, timed, and logged as one JSON line without personal
 * information, at `level`: the gateway's lines are the access log (info); a subgraph's, one per
 * fetch the gateway makes, are for debugging (the same requests are in the traces).
 */
export function requestObserver(metrics: Metrics, logger: Logger, level: 'info' | 'debug' = 'info') {
  return (record: RequestRecord, status: number, seconds: number): void => {
    const outcome = record.outcome ?? 'ok';
    const operation = metrics.operationLabel(record.operationName);
    metrics.requests.inc({ operation, outcome });
    metrics.requestDuration.observe({ type: record.operationType ?? 'none', outcome }, seconds);
    logger[level](
      {
        requestId: record.requestId,
        traceId: currentTraceId(),
        operation,
        operationType: record.operationType,
        role: record.role,
        status,
        durationMs: Math.round(seconds * 1000 * 10) / 10,
        outcome,
      },
      'request',
    );
  };
}

/** What a server reports with; made for it when its caller passes none. */
export interface Observability {
  metrics: Metrics;
  logger: Logger;
}
