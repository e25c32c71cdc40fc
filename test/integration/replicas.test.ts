import { randomUUID } from 'node:crypto';
import { RunningGateway } from '../../gateway/gateway';
import { resilienceSettings } from '../../platform/resilience/settings';
import { Federation, postQuery, PATIENT_STORE, startFederation } from '../fixtures/federation';
import { describeWithServer, REDIS } from '../fixtures/optional-servers';

/**
 * Two gateway replicas on one Redis and the same subgraphs, as a data centre runs them behind a
 * load balancer: a caller's limit is one across both, and every request is answered and audited
 * exactly once whichever replica takes it.
 */
/**
 * What is tested is counting and auditing across replicas, not latency: the whole federation runs
 * in this one process, where 300 requests at once can take longer than the 2 s a subgraph is given.
 */
const PATIENT = (service: string) => ({ ...resilienceSettings(service), timeoutMs: 20_000 });
/** The request deadline likewise: a record's write may wait only as long as its request has left. */
const PATIENT_DEADLINE_MS = 60_000;

const LIMITS = {
  anonymous: 10,
  applicant: 10,
  representative: 10,
  partner: 10,
  officer: 100_000,
  unverified: 10,
};

describeWithServer(REDIS, 'gateway replicas sharing Redis', (redisUrl) => {
  let federation: Federation;
  let second: RunningGateway;
  let replicas: string[];

  beforeAll(async () => {
    federation = await startFederation(
      undefined,
      { redisUrl, rateLimits: LIMITS, resilience: PATIENT, deadlineMs: PATIENT_DEADLINE_MS },
      PATIENT_STORE,
    );
    second = await federation.anotherGateway({
      redisUrl,
      rateLimits: LIMITS,
      resilience: PATIENT,
      deadlineMs: PATIENT_DEADLINE_MS,
    });
    replicas = [federation.gatewayUrl, second.url];
  });

  afterAll(async () => {
    await second?.stop();
    await federation?.stop();
  });

  it('hold a caller to one limit across both replicas, with 429, Retry-After and RATE_LIMITED past it', async () => {
    // A person unknown to earlier runs, so the shared counter starts at zero.
    const applicant = await federation.identity.token({
      role: 'applicant',
      subject: `burst-${randomUUID()}`,
    });
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof postQuery>> | undefined;
    for (let i = 0; i < 14; i++) {
      const answer = await postQuery(replicas[i % 2], '{ __typename }', undefined, applicant);
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMITS.applicant);
    expect(statuses.slice(LIMITS.applicant)).toEqual([429, 429, 429, 429]);
    expect(refused!.body.errors![0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuse exactly what passes the limit in a concurrent burst spread over both replicas', async () => {
    const applicant = await federation.identity.token({
      role: 'applicant',
      subject: `burst-${randomUUID()}`,
    });
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postQuery(replicas[i % 2], '{ __typename }', undefined, applicant).then((answer) => answer.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMITS.applicant);
    expect(statuses.filter((status) => status === 429)).toHaveLength(50 - LIMITS.applicant);
  });

  it('answer and audit each of 300 concurrent requests exactly once, whichever replica takes it', async () => {
    const officer = federation.officerToken;
    const operation = `Replicas${randomUUID().replace(/-/g, '')}`;
    // A light read (one subgraph), under a name no other test uses: the whole federation and both
    // replicas share this one process, where 300 client files at once would queue past the time-out.
    const query = `query ${operation}($uci: ID!) { client(uci: $uci) { uci familyName } }`;
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        postQuery(replicas[i % 2], query, { uci: i % 3 === 0 ? '12-3456-7890' : '1234-5678' }, officer),
      ),
    );
    const failed = answers.filter((answer) => answer.status !== 200 || answer.body.errors);
    expect(failed.map((answer) => [answer.status, answer.body.errors?.[0]?.extensions])).toEqual([]);
    const [{ events, requests }] = await federation
      .database('audit')
      .query<{ events: number; requests: number }>(
        'SELECT count(*)::int AS events, count(DISTINCT request_id)::int AS requests FROM access_event WHERE operation_name = $1',
        [operation],
      );
    expect({ events, requests }).toEqual({ events: 300, requests: 300 });
  });
});
