// `npm test`: every suite, one closing line `N passed, N failed` across all of them.
// Steps: Chromium (installed when missing), type-check, build, size budgets, then one vitest run whose
// projects are unit, backend, local-backend and e2e.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, mkdirSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium.mjs";

const results = { passed: 0, failed: 0 };
const extraArgs = process.argv.slice(2);

function step(name, command, args) {
  console.log(`\n[test] ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: "inherit", env: process.env });
  const ok = run.status === 0;
  console.log(`[test] ${name} ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

try {
  ensureChromium();
  results.passed += 1;
} catch (error) {
  console.error(`[test] chromium: ${error.message}`);
  results.failed += 1;
}

// The type-check, the build and the size budgets are checks in their own right: each counts as one test.
for (const [name, cmd, args] of [
  ["typecheck", "npx", ["tsc", "-p", "tsconfig.json"]],
  ["build", "npx", ["vite", "build", "--logLevel", "warn"]],
  // The size budgets of docs/performance.md, measured in Chromium from the network log (bench/sizes.ts).
  ["bench sizes", "npx", ["tsx", "bench/run.ts", "--check", "--size-only"]],
]) {
  if (step(name, cmd, args)) results.passed += 1;
  else results.failed += 1;
}

mkdirSync("test-results", { recursive: true });
rmSync("test-results/vitest.json", { force: true });
step("vitest", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
  ...extraArgs,
]);
try {
  const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  // A suite that fails to load has no tests to count, but it is a failure all the same.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && file.assertionResults.length === 0,
  ).length;
  results.failed += brokenFiles;
  if (report.numTotalTests === 0) {
    console.error("[test] vitest ran no test");
    results.failed += 1;
  }
} catch (error) {
  console.error(`[test] could not read the vitest report: ${error.message}`);
  results.failed += 1;
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
