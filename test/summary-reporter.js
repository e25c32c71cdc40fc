/**
 * Ends every run with one plain line, `N passed, N failed`, that CI reads as the verdict. A test
 * file that fails to run at all (it does not compile, say) counts as a failure. Skipped tests are
 * counted there too, and each reason a suite gave for skipping (test/fixtures/optional-servers.ts
 * writes it into the suite's title) follows on a line of its own with how many it skipped.
 */
const SKIP_MARK = ' — skipped: ';

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const reasons = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending') continue;
        const marked = test.ancestorTitles.find((title) => title.includes(SKIP_MARK));
        const reason = marked
          ? marked.slice(marked.indexOf(SKIP_MARK) + SKIP_MARK.length)
          : 'skipped in code';
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    const lines = [...reasons].map(([reason, count]) => `${count} skipped: ${reason}`);
    process.stdout.write(
      `\n${lines.map((line) => `${line}\n`).join('')}${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
}

module.exports = SummaryReporter;
