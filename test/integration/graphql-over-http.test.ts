import { serverAudits } from 'graphql-http';
import { useFederation } from '../fixtures/federation';

/** The gateway speaks GraphQL over HTTP as the specification asks, checked by graphql-http's own audit. */
const federation = useFederation();

describe('GraphQL over HTTP', () => {
  it('passes every audit of graphql-http with no error and no warning', async () => {
    const results = await Promise.all(
      serverAudits({ url: federation.gatewayUrl, fetchFn: fetch }).map(async (audit) => ({
        audit,
        result: await audit.fn(),
      })),
    );
    const problems = results
      .filter(({ result }) => result.status === 'error' || result.status === 'warn')
      .map(
        ({ audit, result }) =>
          `${result.status} ${audit.id} ${audit.name}: ${'reason' in result ? result.reason : ''}`,
      );
    expect(problems).toEqual([]);
    expect(results.filter(({ result }) => result.status === 'ok').length).toBeGreaterThan(50);
  });

  it('announces a keep-alive longer than a load balancer’s idle time-out', async () => {
    // A balancer's idle time-out is 60 s by default; one longer than the gateway's would reuse
    // connections the gateway is closing. Node holds the connection for what it announces (and a second more).
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    await response.text();
    expect([response.headers.get('connection'), response.headers.get('keep-alive')]).toEqual([
      'keep-alive',
      'timeout=65',
    ]);
  });
});
