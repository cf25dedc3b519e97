// Prints the one line CI reads: "N passed, N failed"; exits non-zero when anything failed.
import { existsSync, readFileSync } from "node:fs";

const [file, failedChecksArg = "0", testStatusArg = "0"] = process.argv.slice(2);
const failedChecks = Number(failedChecksArg);
let passed = 0;
let failed = 0;
if (file && existsSync(file)) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  // A test file that fails to load has no tests, but it is a failure all the same.
  failed += (report.testResults ?? []).filter(
    (r) => r.status === "failed" && r.assertionResults?.length === 0,
  ).length;
} else {
  failed = 1;
}
if (Number(testStatusArg) !== 0 && failed === 0) failed = 1;
passed += 2 - failedChecks;
failed += failedChecks;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
