import { knownOperationNames } from './known-operations';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { BreakerState, FailureReason, GuardObserver } from '../resilience/call-guard';
import { AdmissionObserver } from '../traffic/admission';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5];
const BREAKER_STATE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The Prometheus metrics of one process (gateway or subgraph), served on /metrics. Each server
 * has its own registry, so tests can run several in one process. Labels never hold a caller's
 * identity or input beyond a bounded set of operation names.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'one_window_requests_total',
    help: 'GraphQL requests answered, by operation name and outcome (ok, partial, or the first error code)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly requestDuration = new Histogram({
    name: 'one_window_request_duration_seconds',
    help: 'Time from request to answer, by operation type and outcome',
    labelNames: ['type', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly subgraphFetchDuration = new Histogram({
    name: 'one_window_subgraph_fetch_duration_seconds',
    help: 'Gateway fetches from each subgraph, retries included, by outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly callFailures = new Counter({
    name: 'one_window_call_failures_total',
    help: 'Calls to another service (subgraph, audit trail, internal lookups) that gave no answer, by reason',
    labelNames: ['target', 'reason'] as const,
    registers: [this.registry],
  });
  readonly breakerState = new Gauge({
    name: 'one_window_circuit_breaker_state',
    help: 'Circuit breaker per service called: 0 closed, 1 half-open, 2 open',
    labelNames: ['target'] as const,
    registers: [this.registry],
  });
  readonly auditWriteDuration = new Histogram({
    name: 'one_window_audit_write_duration_seconds',
    help: 'Writing one request’s access record to the audit trail, by outcome',
    labelNames: ['outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly auditWriteFailures = new Counter({
    name: 'one_window_audit_write_failures_total',
    help: 'Access records that could not be written (the answer or change was withheld)',
    registers: [this.registry],
  });
  readonly auditBacklogRefusals = new Counter({
    name: 'one_window_audit_backlog_refusals_total',
    help: 'Requests refused before their record was sent: the audit queue was full (full), their wait passed its deadline (deadline), or the outbox was too far behind (behind)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly auditOutboxLag = new Gauge({
    name: 'one_window_audit_outbox_lag_seconds',
    help: 'Age of the oldest access record in the gateway’s outbox not yet in the audit trail (0 when none waits)',
    registers: [this.registry],
  });
  readonly auditOutboxBacklog = new Gauge({
    name: 'one_window_audit_outbox_backlog_bytes',
    help: 'Bytes of access records in the gateway’s outbox not yet in the audit trail',
    registers: [this.registry],
  });
  readonly rateLimitRefusals = new Counter({
    name: 'one_window_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit, by role',
    labelNames: ['role'] as const,
    registers: [this.registry],
  });
  readonly admissionLimit = new Gauge({
    name: 'one_window_admission_limit',
    help: 'Requests this process works on at once, as its adaptive limit has learned',
    registers: [this.registry],
  });
  readonly admissionInFlight = new Gauge({
    name: 'one_window_admission_in_flight',
    help: 'Requests being worked on now',
    registers: [this.registry],
  });
  readonly admissionWaiting = new Gauge({
    name: 'one_window_admission_waiting',
    help: 'Requests waiting for a place under the limit',
    registers: [this.registry],
  });
  readonly admissionRefusals = new Counter({
    name: 'one_window_admission_refusals_total',
    help: 'Requests refused with 503 OVERLOADED: too many waiting already (queue-full) or no place within the wait (waited-too-long)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly sqlDuration = new Histogram({
    name: 'one_window_sql_duration_seconds',
    help: 'SQL statements run by a subgraph, by outcome',
    labelNames: ['outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });
  constructor(
    service: string,
    /** The operation names counted by name; every other is "other". */
    private readonly knownOperations: ReadonlySet<string> = knownOperationNames(),
  ) {
    this.registry.setDefaultLabels({ service });
    // Process metrics, event-loop lag (nodejs_eventloop_lag_seconds) among them.
    collectDefaultMetrics({ register: this.registry });
  }

  /** Breaker states and failures of every guarded call, as metrics. */
  guardObserver(): GuardObserver {
    return {
      breakerChanged: (target: string, state: BreakerState) =>
        this.breakerState.set({ target }, BREAKER_STATE[state]),
      failed: (target: string, reason: FailureReason) => this.callFailures.inc({ target, reason }),
    };
  }

  /** The admission gate's limit, load and refusals, as metrics. */
  admissionObserver(): AdmissionObserver {
    return {
      refused: (reason) => this.admissionRefusals.inc({ reason }),
      changed: (limit, inFlight, waiting) => {
        this.admissionLimit.set(limit);
        this.admissionInFlight.set(inFlight);
        this.admissionWaiting.set(waiting);
      },
    };
  }

  /**
   * An operation name as a label: a caller chooses it, so only the names One Window knows (its
   * portal's operations, partners' registered documents, its internal calls) count by name, and
   * the subgraph fetches the gateway plans for them (`ClientFile__ircc_case__0`) by theirs;
   * every other name is "other", so a hostile caller can neither grow the registry nor make
   * its names appear in it.
   */
  operationLabel(name: string | undefined | null): string {
    if (!name) return 'anonymous';
    if (this.knownOperations.has(name)) return name;
    const planned = name.indexOf('__');
    return planned > 0 && this.knownOperations.has(name.slice(0, planned)) ? name.slice(0, planned) : 'other';
  }
}
