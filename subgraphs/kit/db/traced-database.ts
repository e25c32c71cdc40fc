import { SpanKind } from '@opentelemetry/api';
import { Metrics } from '../../../platform/observability/metrics';
import { inSpan } from '../../../platform/observability/tracing';
import { Database, Queryable } from './database';

/** Statements as spans (db.query.text is the parameterised SQL: values never appear), timed in one_window_sql_duration_seconds. */
export function tracedQueryable(target: Queryable, metrics: Metrics): Queryable {
  return {
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
  };
}

/** A store whose statements, in and out of transactions, are traced and timed. */
export function tracedDatabase(db: Database, metrics: Metrics): Database {
  const traced = (target: Queryable) => tracedQueryable(target, metrics);
  return {
    ...traced(db),
    exec: (sql) => db.exec(sql),
    transaction: (work) => db.transaction((tx) => work({ ...tx, ...traced(tx) })),
    close: () => db.close(),
  };
}
