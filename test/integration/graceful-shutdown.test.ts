import { ApolloServer } from '@apollo/server';
import { Writable } from 'node:stream';
import { serveGraphQL, Served } from '../../platform/http/serve-graphql';
import { createLogger } from '../../platform/observability/logger';
import { Metrics } from '../../platform/observability/metrics';

/**
 * Stopping the HTTP front every process shares (gateway and subgraphs): what was sent as the
 * signal came is answered, then no new request is accepted, requests in flight finish, and none is
 * waited for longer than the drain bound.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function slowServer(drainMs: number): Promise<Served> {
  const server = new ApolloServer({
    typeDefs: 'type Query { slow(ms: Int!): String }',
    resolvers: { Query: { slow: async (_: unknown, { ms }: { ms: number }) => (await sleep(ms), 'done') } },
  });
  return serveGraphQL(server, {
    port: 0,
    context: async () => ({}),
    drainMs,
    admin: { port: 0 },
    logger: createLogger('shutdown-test', new Writable({ write: (_chunk, _encoding, done) => done() })),
    operational: { checks: {}, metrics: new Metrics('shutdown-test').registry },
    observe: () => undefined,
  });
}

const ask = (url: string, ms: number) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ slow(ms: ${ms}) }` }),
  });

describe('stopping a server', () => {
  it('answers what arrives as it stops, finishes the requests in flight, then accepts no new one', async () => {
    const served = await slowServer(5_000);
    const inFlight = ask(served.url, 700);
    await sleep(50);
    const stopped = served.close();
    await sleep(50);
    // Sent as the signal came (a balancer may route here for a moment yet): answered, and told
    // to close its connection.
    const late = await ask(served.url, 0);
    expect(late.status).toBe(200);
    expect(late.headers.get('connection')).toBe('close');
    await sleep(400);
    await expect(ask(served.url, 0)).rejects.toThrow();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { slow: 'done' } });
    await stopped;
  });

  it('waits no longer than its drain bound for a request that will not finish', async () => {
    const served = await slowServer(200);
    const stuck = ask(served.url, 5_000);
    await sleep(50);
    const started = Date.now();
    await served.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    await expect(stuck).rejects.toThrow();
  });
});
