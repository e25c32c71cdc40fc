import { randomUUID } from 'node:crypto';
import { DEFAULT_ADAPTIVE_LIMIT } from '../../platform/traffic/adaptive-limit';
import { Federation, postQuery, startFederation } from '../fixtures/federation';
import { holdTable } from '../fixtures/table-lock';

/**
 * Admission control in front of a subgraph that has become slow: IRCC's client table held by a
 * transaction for 1.5 s, as a long migration or a locked disk would hold it, while a burst five
 * times the gateway's limit arrives. What the gateway cannot start within its wait is refused at
 * once with a coded 503, before it costs anything or is recorded; what it admits is answered
 * whole; the slow subgraph's breaker stays closed, because the gateway did not pile work on it.
 */
const LIMIT = 8;
const BURST = 5 * LIMIT;
// Between the burst's one-second wait and the store's 1.5 s statement time-out.
const HELD_MS = 1_250;

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation(undefined, {
    concurrency: { ...DEFAULT_ADAPTIVE_LIMIT, initialLimit: LIMIT, minLimit: LIMIT, maxLimit: LIMIT },
  });
});
afterAll(() => federation.stop());

interface Answer {
  operation: string;
  status: number;
  retryAfter: string | null;
  body: Awaited<ReturnType<typeof postQuery>>['body'];
}

async function read(operation: string): Promise<Answer> {
  const { status, body, headers } = await postQuery(
    federation.gatewayUrl,
    `query ${operation} { client(uci: "1234-5678") { uci familyName } }`,
    undefined,
    federation.officerToken,
  );
  return { operation, status, body, retryAfter: headers.get('retry-after') };
}

describe('a burst past the limit while a subgraph is slow', () => {
  let answers: Answer[];
  let recorded: Set<string>;
  let run: string;

  beforeAll(async () => {
    run = randomUUID().replace(/-/g, '').slice(0, 12);
    const slow = await holdTable(federation.database('ircc-case'), 'client', HELD_MS);
    answers = await Promise.all(Array.from({ length: BURST }, (_, i) => read(`Burst_${run}_${i}`)));
    await slow.released;
    const rows = await federation
      .database('audit')
      .query<{ operation: string }>(
        'SELECT DISTINCT operation_name AS operation FROM access_event WHERE operation_name LIKE $1',
        [`Burst_${run}_%`],
      );
    recorded = new Set(rows.map((row) => row.operation));
  });

  it('answers what it admitted whole, and refuses the rest with 503 OVERLOADED and a Retry-After of 1–3 s', () => {
    const whole = answers.filter((a) => a.status === 200 && !a.body.errors);
    const refused = answers.filter((a) => a.status === 503);
    expect(whole.length + refused.length).toBe(BURST);
    expect(whole.length).toBeGreaterThanOrEqual(LIMIT);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.body).toEqual({
        errors: [{ message: expect.stringMatching(/capacity/), extensions: { code: 'OVERLOADED' } }],
      });
      expect(['1', '2', '3']).toContain(answer.retryAfter);
    }
  });

  it('records exactly the answers it gave, and nothing of what it refused', () => {
    for (const answer of answers)
      expect([answer.operation, recorded.has(answer.operation)]).toEqual([
        answer.operation,
        answer.status === 200,
      ]);
  });

  it("keeps the slow subgraph's breaker closed, counts its refusals and serves at once when the burst is over", async () => {
    const metrics = await (await fetch(new URL('/metrics', federation.gatewayAdminUrl))).text();
    expect(metrics).toMatch(/one_window_circuit_breaker_state\{[^}]*target="ircc-case"[^}]*\} 0/);
    expect(metrics).toMatch(
      /one_window_admission_refusals_total\{[^}]*reason="waited-too-long"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(/one_window_admission_in_flight\{[^}]*\} 0/);
    const after = await read(`After_${run}`);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
  });

  it('gives back the place of every caller who hung up, waiting or running, and serves the next', async () => {
    const slow = await holdTable(federation.database('ircc-case'), 'client', HELD_MS);
    const hungUp = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        fetch(federation.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${federation.officerToken}` },
          body: JSON.stringify({ query: `query HungUp_${run}_${i} { client(uci: "1234-5678") { uci } }` }),
          signal: AbortSignal.timeout(200),
        }).then(
          () => 'answered',
          () => 'hung up',
        ),
      ),
    );
    await slow.released;
    expect(hungUp.filter((outcome) => outcome === 'hung up').length).toBeGreaterThan(LIMIT);
    // Those running finish their work (their answers go nowhere); then every place is free again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const metrics = await (await fetch(new URL('/metrics', federation.gatewayAdminUrl))).text();
    expect(metrics).toMatch(/one_window_admission_in_flight\{[^}]*\} 0/);
    expect(metrics).toMatch(/one_window_admission_waiting\{[^}]*\} 0/);
    const answers = await Promise.all(Array.from({ length: LIMIT * 2 }, (_, i) => read(`Next_${run}_${i}`)));
    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: LIMIT * 2 }, () => 200));
  });

  it('says so in French to a caller who reads French', async () => {
    const slow = await holdTable(federation.database('ircc-case'), 'client', HELD_MS);
    const answers = await Promise.all(
      Array.from({ length: BURST }, () =>
        fetch(federation.gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'accept-language': 'fr-CA',
            authorization: `Bearer ${federation.officerToken}`,
          },
          body: JSON.stringify({ query: '{ client(uci: "1234-5678") { uci } }' }),
        }),
      ),
    );
    await slow.released;
    const refused = answers.find((answer) => answer.status === 503)!;
    expect(refused.headers.get('content-language')).toBe('fr-CA');
    expect(await refused.json()).toEqual({
      errors: [{ message: expect.stringMatching(/saturé/), extensions: { code: 'OVERLOADED' } }],
    });
  });
});
