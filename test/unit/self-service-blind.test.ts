import { assess, readWordingSet, score, scoreTable } from '../fixtures/self-service/wording-sets';

/**
 * The self-service check judged on wordings its builders never read. blind-3/ is the blind set:
 * written and labelled from blind/SPEC.md alone by someone who never saw the assessment, before it
 * ran on them, and first measured when the tuning round it judges was over. blind-2/ and blind/
 * are the sets before it, retired: their figures were seen at the end of earlier rounds, so they
 * are reported, not gated on. Nothing here prints a wording, only figures: whoever tunes the
 * assessment tunes on development/ and the first corpus, never on these. Once a blind set's
 * wordings have been looked at, or its figures have steered a tuning round, a fresh one is written.
 */
const blind = readWordingSet('blind-3/blind.jsonl');
const retiredSets = {
  'blind-2': readWordingSet('blind-2/blind.jsonl'),
  blind: readWordingSet('blind/blind.jsonl'),
};
const retired = Object.values(retiredSets).flat();

describe('the self-service check on the blind set', () => {
  it('is judged on at least 800 wordings, 40% in French, 300 of them that need a formal request', () => {
    expect(blind.length).toBeGreaterThanOrEqual(800);
    expect(blind.filter((wording) => wording.language === 'fr').length / blind.length).toBeGreaterThanOrEqual(
      0.4,
    );
    expect(blind.filter((wording) => wording.expected === 'needs-request').length).toBeGreaterThanOrEqual(
      300,
    );
  });

  it('reports precision, recall and the uncertain share, by language, asker, institution and class', () => {
    process.stdout.write(
      `\nself-service, blind set (blind-3):\n${scoreTable(blind)}\n` +
        Object.entries(retiredSets)
          .map(([name, set]) => `\nretired blind set (${name}), for comparison:\n${scoreTable(set)}\n`)
          .join(''),
    );
    expect(score(blind).wordings).toBe(blind.length);
  });

  // The gates of issue 12, not met yet (the figures are in the run's output): each is an expected
  // failure, so the day one is met its test fails and becomes a plain assertion.
  test.failing(
    'gate, not yet met: no wording that needs a request is said to be "covered" (precision 100%)',
    () => {
      expect(score(blind).falselyCovered).toBe(0);
    },
  );

  test.failing('gate, not yet met: 90% of the covered wordings are found covered (recall)', () => {
    expect(score(blind).recall).toBeGreaterThanOrEqual(0.9);
  });

  test.failing('gate, not yet met: under 15% of the answers are "uncertain"', () => {
    expect(score(blind).uncertainShare).toBeLessThan(0.15);
  });

  it('never tells a representative without an authorization on the file that anything is covered', () => {
    const representatives = [...blind, ...retired].filter((wording) => wording.asker === 'representative');
    // Counted, not listed: a failure here must not show the wordings.
    expect(representatives.filter((wording) => assess(wording, false).coversWholeRequest).length).toBe(0);
  });
});
