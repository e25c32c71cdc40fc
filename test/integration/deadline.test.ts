import { Federation, postQuery, startFederation } from '../fixtures/federation';
import { holdTable } from '../fixtures/table-lock';

/**
 * One deadline per request, from the caller's wish through the gateway to PostgreSQL: a caller
 * who will wait 300 ms gets its answer (without the slow subgraph's fields) in about that, and
 * the subgraph's statement, stuck behind a lock, is cancelled on the server then rather than left
 * waiting for its own 1.5 s statement time-out.
 */
const HELD_MS = 2_000;

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation.stop());

/** Statements of the subgraph's own waiting for a lock in IRCC's database. */
async function waitingForLocks(): Promise<number> {
  const [{ waiting }] = await federation
    .database('ircc-case')
    .query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
  return waiting;
}

it("answers within the caller's deadline and leaves no statement waiting on the server after it", async () => {
  const lock = await holdTable(federation.database('ircc-case'), 'client', HELD_MS);
  try {
    const started = performance.now();
    const answer = await postQuery(
      federation.gatewayUrl,
      '{ client(uci: "1234-5678") { uci familyName } }',
      undefined,
      federation.officerToken,
      { 'one-window-deadline-ms': '300' },
    );
    const took = performance.now() - started;
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'ircc-case',
      reason: 'timeout',
    });
    expect(took).toBeLessThan(1_000);
    // The lock is still held; the statement was cancelled at the deadline, not left to its time-out.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await waitingForLocks()).toBe(0);
    // Every pooled connection is back at the server's own statement time-out.
    const timeouts = await Promise.all(
      Array.from({ length: 10 }, () =>
        federation
          .database('ircc-case')
          .query<{ statement_timeout: string }>('SHOW statement_timeout')
          .then(([row]) => row.statement_timeout),
      ),
    );
    expect(new Set(timeouts)).toEqual(new Set(['1500ms']));
  } finally {
    await lock.released;
  }
});

it('without a deadline of its own a statement still waits its time-out (what the test above would see otherwise)', async () => {
  const lock = await holdTable(federation.database('ircc-case'), 'client', HELD_MS);
  try {
    const answer = postQuery(
      federation.gatewayUrl,
      '{ client(uci: "1234-5678") { uci } }',
      undefined,
      federation.officerToken,
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await waitingForLocks()).toBe(1);
    await answer;
  } finally {
    await lock.released;
  }
});
