import { exportSPKI } from 'jose';
import { RunningGateway, startGateway } from '../../gateway/gateway';
import { SUPERGRAPH_SDL } from '../../platform/supergraph-config';
import { DEFAULT_RESILIENCE } from '../../platform/resilience/settings';
import { postQuery } from '../fixtures/federation';
import { startSubgraphProcesses, SubgraphProcess } from '../fixtures/subgraph-processes';
import { testIdentityProvider } from '../fixtures/tokens';

/**
 * Real subgraph processes behind the gateway, with its default time-out (2 s), breaker (5
 * failures, 3 s) and retries: one is frozen (SIGSTOP) or killed, and answers keep coming within
 * the time-out, then recover when it is back.
 */
const QUERY =
  '{ client(uci: "1234-5678") { familyName enforcementActions { kind } accessRequests { requestNumber } } }';
const TIMEOUT_MS = DEFAULT_RESILIENCE.timeoutMs;

let subgraphs: SubgraphProcess[];
let gateway: RunningGateway;
let token: string;
const border = () => subgraphs.find((subgraph) => subgraph.name === 'cbsa-border')!;

async function ask() {
  const started = Date.now();
  const { status, body } = await postQuery(gateway.url, QUERY, undefined, token);
  return { status, body, ms: Date.now() - started };
}
type Answer = Awaited<ReturnType<typeof ask>>;
const whole = (answer: Answer) => answer.status === 200 && !answer.body.errors;
const withoutBorder = (answer: Answer) =>
  answer.status === 200 &&
  answer.body.data?.client?.familyName === 'Okafor' &&
  answer.body.data.client.accessRequests.length === 3 &&
  answer.body.errors?.length === 1 &&
  answer.body.errors[0].extensions?.code === 'SUBGRAPH_UNAVAILABLE' &&
  answer.body.errors[0].extensions?.serviceName === 'cbsa-border';

/** Asks until an answer is whole again; returns how long that took. */
async function untilWhole(limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (whole(await ask())) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still not whole after ${limitMs} ms`);
}

beforeAll(async () => {
  const identity = await testIdentityProvider();
  token = await identity.token({ role: 'officer', subject: 'officer-1' });
  subgraphs = await startSubgraphProcesses(await exportSPKI(identity.callerKeys.verifyingKey));
  const urls = Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  gateway = await startGateway({
    port: 0,
    supergraphFile: SUPERGRAPH_SDL,
    subgraphUrls: urls,
    verifyToken: identity.verifier,
    callerSigningKey: identity.callerKeys.signingKey,
    auditServiceUrl: urls.audit,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all((subgraphs ?? []).map((subgraph) => subgraph.stop()));
});

describe('a subgraph process that hangs (SIGSTOP)', () => {
  it('costs callers at most the time-out, then nothing while its breaker is open, and is used again once it wakes', async () => {
    expect(whole(await ask())).toBe(true);
    border().child.kill('SIGSTOP');
    try {
      // Five callers at once: each waits no longer than the time-out, and together they open the breaker.
      const hung = await Promise.all(Array.from({ length: 5 }, () => ask()));
      for (const answer of hung) {
        expect(withoutBorder(answer)).toBe(true);
        expect(answer.ms).toBeLessThan(TIMEOUT_MS + 1_000);
      }
      const open = await ask();
      expect(withoutBorder(open)).toBe(true);
      expect(open.body.errors![0].extensions!.reason).toBe('circuit-open');
      expect(open.ms).toBeLessThan(500);
    } finally {
      border().child.kill('SIGCONT');
    }
    expect(await untilWhole(DEFAULT_RESILIENCE.halfOpenAfterMs + 5_000)).toBeLessThan(
      DEFAULT_RESILIENCE.halfOpenAfterMs + 5_000,
    );
  });
});

describe('a subgraph process killed during a load run', () => {
  it('leaves every request answered within the time-out, and answers are whole again after it restarts', async () => {
    const answers: Answer[] = [];
    let running = true;
    const clients = Array.from({ length: 8 }, async () => {
      while (running) answers.push(await ask());
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    border().child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await border().restart();
    const recovery = await untilWhole(DEFAULT_RESILIENCE.halfOpenAfterMs + 5_000);
    running = false;
    await Promise.all(clients);

    expect(answers.length).toBeGreaterThan(50);
    expect(answers.every((answer) => whole(answer) || withoutBorder(answer))).toBe(true);
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(answers.some(withoutBorder)).toBe(true);
    expect(whole(answers[answers.length - 1])).toBe(true);
    expect(recovery).toBeLessThan(DEFAULT_RESILIENCE.halfOpenAfterMs + 5_000);
  });
});
