import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resilienceSettings } from '../../platform/resilience/settings';
import { postQuery, PATIENT_STORE, useFederation } from '../fixtures/federation';

/**
 * What a caller sends cannot grow the gateway's memory: every cache keyed by caller input has a
 * byte budget and keeps no request text. Distinct documents padded with a long comment (each
 * parsed, validated, analysed, planned and cached like any other) leave the heap, after a
 * collection, within a fixed budget of where it started.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const federation = useFederation(
  {
    rateLimits: {
      anonymous: 1e6,
      applicant: 1e6,
      representative: 1e6,
      partner: 1e6,
      officer: 1e6,
      unverified: 1e6,
    },
    // What is measured is memory, not how fast a 2-core machine answers 240 KB documents: a subgraph
    // slowed by the flood must not turn an answer into a time-out (it did on a fresh-clone CI run).
    resilience: (service: string) => ({ ...resilienceSettings(service), timeoutMs: 20_000 }),
  },
  PATIENT_STORE,
);

const PADDING_BYTES = 240 * 1024;
const DOCUMENTS = 1_000;
const BUDGET_BYTES = 50 * 1024 * 1024;

/** A document no other request sends: its own comment, 240 KB long. */
const padded = (query: string, index: number) => `${query}\n# ${index} ${'x'.repeat(PADDING_BYTES)}`;

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Sends `count` documents, ten at a time; every one must be answered. */
async function send(count: number, from: number): Promise<void> {
  const officer = federation.officerToken;
  let next = from;
  const worker = async () => {
    while (next < from + count) {
      const index = next++;
      const signedIn = index % 2 === 1;
      // Anonymous callers ask what needs no token; signed-in ones read a client across the subgraphs.
      // Long names and values: a substring of the request kept anywhere would keep the request.
      const answer = signedIn
        ? await postQuery(
            federation.gatewayUrl,
            padded(
              'query PaddedOfficerReadWithAVeryLongOperationName { client(uci: "1234-5678") { uci familyName travelHistory(first: 1) { edges { node { direction } } } } }',
              index,
            ),
            undefined,
            officer,
          )
        : await postQuery(
            federation.gatewayUrl,
            padded('query AnonymousTypenameWithAVeryLongOperationName { __typename }', index),
          );
      expect([answer.status, answer.body.errors]).toEqual([200, undefined]);
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
}

describe('memory under distinct padded documents', () => {
  it(`returns within ${BUDGET_BYTES / 1024 / 1024} MB of where it started after ${DOCUMENTS} of them, anonymous and signed in`, async () => {
    // Whatever is made once (plans of the shapes, schemas, pools) is made before the baseline.
    await send(40, 0);
    const before = heapAfterCollection();
    await send(DOCUMENTS, 40);
    const grown = heapAfterCollection() - before;
    expect(grown).toBeLessThan(BUDGET_BYTES);
  });
});
