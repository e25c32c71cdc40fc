import { randomUUID } from 'node:crypto';
import { uciAt } from '../../subgraphs/kit/seed/population';
import { AUDIT_QUEUE_LIMITS, auditBatchSender, auditWriter } from '../../gateway/audit/audit-writer';
import { CallerSignatures } from '../../gateway/auth/forward-caller';
import { Metrics } from '../../platform/observability/metrics';
import { CallGuard } from '../../platform/resilience/call-guard';
import { resilienceSettings } from '../../platform/resilience/settings';
import { accessEvent, readFile } from '../fixtures/audit-writes';
import { postQuery, useFederation } from '../fixtures/federation';

/**
 * The audit queue under a burst: every answer leaves with its record, or is withheld (503
 * AUDIT_UNAVAILABLE) with none, whatever the mix of small and large records, and the size of a
 * batch never makes the audit write fail and open its breaker.
 */
const MANY = 1e6;
const federation = useFederation({
  rateLimits: {
    anonymous: MANY,
    applicant: MANY,
    representative: MANY,
    partner: MANY,
    officer: MANY,
    unverified: MANY,
  },
});

const READS = 2_000;
/** The largest read the seeded data and the limits allow: every client of every representative. */
const LARGEST = `query Largest_RUN { representatives(first: 50) { edges { node { clients(first: 100) { edges { node { uci familyName } } } } } } }`;

interface Answer {
  operation: string;
  status: number;
  code?: unknown;
  complete: boolean;
}

async function read(operation: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const { status, body } = await postQuery(federation.gatewayUrl, query, variables, federation.officerToken);
  return {
    operation,
    status,
    code: body.errors?.[0]?.extensions?.code,
    complete: status === 200 && body.errors === undefined,
  };
}

describe('the audit queue under 2,000 concurrent reads and the largest read at once', () => {
  let answers: Answer[];
  let recorded: Map<string, { events: number; files: number }>;

  beforeAll(async () => {
    const run = randomUUID().replace(/-/g, '').slice(0, 12);
    const largest = `Largest_${run}`;
    // The trail is held for a second, as a slow disk would hold it: the records of the burst
    // queue up behind the first write and then go in the largest batches the bounds allow.
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const trailHeld = federation.database('audit').transaction(async (tx) => {
      await tx.query('LOCK TABLE access_event IN EXCLUSIVE MODE');
      held();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    await holding;
    answers = await Promise.all([
      read(largest, LARGEST.replace('Largest_RUN', largest)),
      ...Array.from({ length: READS }, (_, i) => {
        const operation = `Read_${run}_${i}`;
        return read(operation, `query ${operation}($uci: ID!) { client(uci: $uci) { uci } }`, {
          uci: uciAt(i % 400),
        });
      }),
    ]);
    await trailHeld;
    const rows = await federation
      .database('audit')
      .query<{ operation: string; events: number; files: number }>(
        `SELECT e.operation_name AS operation, count(DISTINCT e.request_id)::int AS events, count(f.id)::int AS files
       FROM access_event e LEFT JOIN access_event_file f ON f.request_id = e.request_id
       WHERE e.operation_name LIKE $1 GROUP BY e.operation_name`,
        [`%_${run}%`],
      );
    recorded = new Map(rows.map((row) => [row.operation, row]));
  });

  it('answers each whole with exactly one record, or withholds it (503 AUDIT_UNAVAILABLE) with none', () => {
    const wrong = answers.filter((answer) => {
      const record = recorded.get(answer.operation);
      if (answer.complete) return record?.events !== 1 || record.files < 1;
      return !(answer.status === 503 && answer.code === 'AUDIT_UNAVAILABLE' && record === undefined);
    });
    expect(wrong.map((answer) => [answer, recorded.get(answer.operation)])).toEqual([]);
    // One read of a file is one file's record.
    for (const answer of answers.slice(1).filter((a) => a.complete))
      expect(recorded.get(answer.operation)!.files).toBe(1);
    expect(recorded.get(answers[0].operation)?.files ?? 0).toBeGreaterThan(150);
  });

  it("serves most of them, and the audit write's breaker stays closed", async () => {
    expect(answers.filter((answer) => answer.complete).length).toBeGreaterThan(READS / 2);
    const metrics = await (await fetch(new URL('/metrics', federation.gatewayAdminUrl))).text();
    expect(metrics).toMatch(/one_window_circuit_breaker_state\{[^}]*target="audit-write"[^}]*\} 0/);
    expect(metrics).not.toMatch(/one_window_call_failures_total\{[^}]*target="audit-write"/);
  });
});

describe('a batch as large as the bounds allow', () => {
  it('is written whole, its signature the same size as a batch of one', async () => {
    const signatures = new CallerSignatures(federation.identity.callerKeys.signingKey, new Map());
    const sizes: number[] = [];
    const metrics = new Metrics('gateway');
    const send = auditBatchSender(
      federation.subgraphUrls.audit,
      new CallGuard('audit-write', resilienceSettings('audit-write')),
      metrics,
      async (requestIds) => {
        const header = await signatures.forAuditWrite(requestIds, 'audit');
        sizes.push(header.length);
        return header;
      },
    );
    const write = auditWriter(send, metrics);
    const run = randomUUID();
    // The first goes alone; the rest arrive while it is in flight and fill the next batch.
    await Promise.all(
      Array.from({ length: 1 + AUDIT_QUEUE_LIMITS.maxItems }, (_, i) =>
        write(accessEvent(`${run}-${i}`, [readFile(uciAt(i % 400))])),
      ),
    );
    expect(sizes).toHaveLength(2);
    expect(Math.abs(sizes[1] - sizes[0])).toBeLessThan(8);
    const [{ events }] = await federation
      .database('audit')
      .query<{ events: number }>(
        'SELECT count(*)::int AS events FROM access_event WHERE request_id LIKE $1',
        [`${run}-%`],
      );
    expect(events).toBe(1 + AUDIT_QUEUE_LIMITS.maxItems);
  });
});
