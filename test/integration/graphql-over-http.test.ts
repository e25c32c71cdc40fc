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
});
