import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postQuery, useFederation } from '../fixtures/federation';
import { holdTable } from '../fixtures/table-lock';

/**
 * The audit write off the critical path: an answer leaves once its record is durable in the
 * gateway's outbox, and the trail gets every record exactly once, however long it was held up,
 * and across a restart. Past the outbox's bound on lag, answers are withheld until it catches up.
 */
const outboxes: string[] = [];
const outboxDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'one-window-outbox-'));
  outboxes.push(dir);
  return dir;
};
const MAX_LAG_MS = 1_500;
const federation = useFederation({
  auditOutbox: { dir: outboxDir(), maxLagMs: MAX_LAG_MS, maxBacklogBytes: 64 * 1024 * 1024 },
});
afterAll(() => outboxes.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const run = () => randomUUID().replace(/-/g, '').slice(0, 12);

async function read(url: string, operation: string) {
  const { status, body, headers } = await postQuery(
    url,
    `query ${operation} { client(uci: "1234-5678") { uci familyName } }`,
    undefined,
    federation.officerToken,
  );
  return {
    operation,
    status,
    code: body.errors?.[0]?.extensions?.code,
    retryAfter: headers.get('retry-after'),
  };
}

/** How many access events the trail holds for each operation named `prefix…`. */
async function recordsOf(prefix: string): Promise<Map<string, number>> {
  const rows = await federation
    .database('audit')
    .query<{ operation: string; events: number }>(
      'SELECT operation_name AS operation, count(*)::int AS events FROM access_event WHERE operation_name LIKE $1 GROUP BY 1',
      [`${prefix}%`],
    );
  return new Map(rows.map((row) => [row.operation, row.events]));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('answers while the trail is held up, and the trail then holds each answer exactly once', async () => {
  const prefix = `Outbox_${run()}_`;
  const { released } = await holdTable(federation.database('audit'), 'access_event', 3_000);
  let trailFree = false;
  void released.then(() => (trailFree = true));
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => read(federation.gatewayUrl, `${prefix}${i}`)),
  );
  const answeredWhileHeld = !trailFree;
  expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
  expect(answeredWhileHeld).toBe(true);
  await released;
  await federation.auditShipped();
  const records = await recordsOf(prefix);
  expect(answers.filter((answer) => records.get(answer.operation) !== 1)).toEqual([]);
  expect(records.size).toBe(20);
});

it('withholds answers once the trail is further behind than its bound, and answers again when it catches up', async () => {
  const prefix = `Behind_${run()}_`;
  const { released } = await holdTable(federation.database('audit'), 'access_event', 4 * MAX_LAG_MS);
  const answers: Awaited<ReturnType<typeof read>>[] = [];
  let i = 0;
  let trailFree = false;
  void released.then(() => (trailFree = true));
  while (!trailFree) {
    answers.push(await read(federation.gatewayUrl, `${prefix}${i++}`));
    await sleep(100);
  }
  await federation.auditShipped();
  const after = await read(federation.gatewayUrl, `${prefix}after`);
  await federation.auditShipped();

  const served = answers.filter((answer) => answer.status === 200);
  const withheld = answers.filter((answer) => answer.status !== 200);
  expect(served.length).toBeGreaterThan(0);
  expect(withheld.length).toBeGreaterThan(0);
  expect(withheld.map(({ status, code, retryAfter }) => ({ status, code, retryAfter }))).toEqual(
    withheld.map(() => ({
      status: 503,
      code: 'AUDIT_UNAVAILABLE',
      retryAfter: expect.stringMatching(/^\d+$/),
    })),
  );
  expect(after.status).toBe(200);
  const records = await recordsOf(prefix);
  expect([...served, after].filter((answer) => records.get(answer.operation) !== 1)).toEqual([]);
  expect(withheld.filter((answer) => records.has(answer.operation))).toEqual([]);
});

describe('a gateway of its own on an outbox', () => {
  const gatewayOn = (dir: string) =>
    federation.anotherGateway({ auditOutbox: { dir, maxLagMs: 60_000, maxBacklogBytes: 64 * 1024 * 1024 } });

  it('refuses to share its outbox with another gateway', async () => {
    const dir = outboxDir();
    const first = await gatewayOn(dir);
    await expect(gatewayOn(dir)).rejects.toThrow(/in use/);
    await first.stop();
  });

  it('stopped with records not yet shipped, ships them at its next start, each once', async () => {
    const dir = outboxDir();
    const prefix = `Restart_${run()}_`;
    const first = await gatewayOn(dir);
    // Held longer than the stopping gateway goes on shipping (5 s).
    const { released } = await holdTable(federation.database('audit'), 'access_event', 7_000);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => read(first.url, `${prefix}${i}`)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    await first.stop();
    await released;
    const segment = readdirSync(dir).find((name) => name.endsWith('.log'))!;
    const markFile = path.join(dir, 'shipped.json');
    const mark = existsSync(markFile)
      ? (JSON.parse(readFileSync(markFile, 'utf8')) as { offset: number })
      : { offset: 0 };
    expect(mark.offset).toBeLessThan(statSync(path.join(dir, segment)).size);

    const second = await gatewayOn(dir);
    await second.auditShipped();
    await second.stop();
    const records = await recordsOf(prefix);
    expect(answers.filter((answer) => records.get(answer.operation) !== 1)).toEqual([]);
  }, 30_000);
});
