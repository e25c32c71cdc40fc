import { SpanKind } from '@opentelemetry/api';
import { Metrics } from '../../../platform/observability/metrics';
import { inSpan } from '../../../platform/observability/tracing';
import { Database, Queryable } from './database';

/**
 * A store whose statements are spans (db.query.text is the parameterised SQL: values never
 * appear) and are timed in one_window_sql_duration_seconds.
 */
export function tracedDatabase(db: Database, metrics: Metrics): Database {
  const traced = (target: Queryable): Queryable => ({
    query: <Row>(sql: string, params?: readonly unknown[]) => {
      const end = metrics.sqlDuration.startTimer();
      return inSpan(
        'sql',
        SpanKind.CLIENT,
        { 'db.system.name': 'postgresql', 'db.query.text': sql.slice(0, 2_000) },
        () => target.query<Row>(sql, params),
      ).then(
        (rows) => {
          end({ outcome: 'ok' });
          return rows;
        },
        (error: unknown) => {
          end({ outcome: 'error' });
          throw error;
        },
      );
    },
  });
  return {
    ...traced(db),
    exec: (sql) => db.exec(sql),
    transaction: (work) => db.transaction((tx) => work({ ...tx, ...traced(tx) })),
    close: () => db.close(),
  };
}
