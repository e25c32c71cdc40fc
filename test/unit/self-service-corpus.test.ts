import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assessWording } from '../../subgraphs/atip/self-service/assessment';
import { SelfServiceCategory, SHOWN } from '../../subgraphs/atip/self-service/categories';
import { understand } from '../../subgraphs/atip/self-service/wording';

/**
 * The evaluation corpus: request wordings in English and French, written from the kinds of
 * requests IRCC and CBSA report receiving, each labelled with what it asks for. Telling someone
 * their request is unnecessary when it is not is the worst failure, so "covered whole" must be
 * right in 99% of the cases it is said, and said for 90% of the requests it is true of.
 */
interface Example {
  language: string;
  institution: string;
  labels: SelfServiceCategory[];
  text: string;
}

const corpus: Example[] = ['corpus-en.tsv', 'corpus-fr.tsv', 'held-out.tsv'].flatMap((file) =>
  readFileSync(path.join(__dirname, '..', 'fixtures', 'self-service', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [language, institution, labels, text] = line.split('\t');
      return { language, institution, labels: labels.split('+') as SelfServiceCategory[], text };
    }),
);

/** A request is covered whole when everything it asks for is something One Window shows the person. */
const trulyCovered = (example: Example) => example.labels.every((label) => SHOWN[label]);

const predicted = (example: Example) => new Set(understand(example.text).flatMap((part) => part.categories));

function ratio(hits: number, total: number): number {
  return total === 0 ? 1 : hits / total;
}

describe('understanding request wordings (the evaluation corpus)', () => {
  it('holds at least 300 wordings, half of them in French', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((example) => example.language === 'fr').length).toBeGreaterThanOrEqual(150);
  });

  it('says "covered whole" with 99% precision and 90% recall', () => {
    const outcomes = corpus.map((example) => ({
      example,
      truth: trulyCovered(example),
      said: assessWording(example.text, {
        institution: example.institution,
        clientUci: '1234-5678',
        applicationNumber: null,
        aboutOwnFile: true,
      }).coversWholeRequest,
    }));
    const saidCovered = outcomes.filter((o) => o.said);
    const truePositives = saidCovered.filter((o) => o.truth).length;
    const precision = ratio(truePositives, saidCovered.length);
    const recall = ratio(truePositives, outcomes.filter((o) => o.truth).length);
    const wronglyCovered = saidCovered.filter((o) => !o.truth).map((o) => o.example.text);
    const missed = outcomes.filter((o) => o.truth && !o.said).map((o) => o.example.text);
    console.log(
      `covered whole: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}% over ${corpus.length} wordings` +
        `\nwrongly covered: ${JSON.stringify(wronglyCovered)}\nmissed: ${JSON.stringify(missed)}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('reports precision and recall per category', () => {
    const rows = Object.values(SelfServiceCategory).map((category) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const example of corpus) {
        const labelled = example.labels.includes(category);
        const found = predicted(example).has(category);
        if (labelled && found) tp += 1;
        else if (found) fp += 1;
        else if (labelled) fn += 1;
      }
      return { category, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), support: tp + fn };
    });
    console.log(
      rows
        .map(
          (r) =>
            `${r.category.padEnd(24)} precision ${(r.precision * 100).toFixed(0)}%  recall ${(r.recall * 100).toFixed(0)}%  (${r.support})`,
        )
        .join('\n'),
    );
    // Every category is found more often than not, in both directions.
    for (const row of rows)
      expect({ category: row.category, good: row.precision >= 0.8 && row.recall >= 0.8 }).toEqual({
        category: row.category,
        good: true,
      });
  });
});
