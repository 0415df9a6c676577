// Web test runner reporter that ends the run with one plain line,
// `tests: N passed, N failed[, N skipped]`, which CI reads as the verdict.

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load has no results: count it as a failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) totals.failed++;
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      // Printed after the default reporter's dynamic output has settled.
      setTimeout(() => console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`));
    },
  };
}
