// `npm test`: unit and database tests (Vitest), then the browser tests (Playwright in Debian's Chromium).
// Browser tests run wherever Chromium is found and are required under CI=true. Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const ci = process.env.CI === "true" || process.env.CI === "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "the embedded database";
mkdirSync("test-results", { recursive: true });

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

console.log(`Unit and database tests on ${database}`);
const unitStatus = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
const unit = existsSync("test-results/vitest.json")
  ? JSON.parse(readFileSync("test-results/vitest.json", "utf8"))
  : { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 };
let passed = unit.numPassedTests;
let failed = unit.numFailedTests + (unitStatus !== 0 && unit.numFailedTests === 0 ? 1 : 0);
let skipped = unit.numPendingTests + (unit.numTodoTests ?? 0);

if (existsSync(chromium)) {
  console.log(`\nBrowser tests in ${chromium} on ${database}`);
  const buildStatus = run("node", ["scripts/build-if-stale.js"]);
  // The browser walks every flow on the embedded database. On PostgreSQL, whose every query the database tests
  // already run, it walks the flows tagged @postgres — setup on an empty server, the buyer room across two
  // browsers, tokens and webhooks through the queue — and CONFIDANT_E2E_ALL=1 walks them all.
  const subset = process.env.DATABASE_URL && !process.env.CONFIDANT_E2E_ALL ? ["--grep", "@postgres"] : [];
  const e2eStatus =
    buildStatus === 0
      ? run("npx", ["playwright", "test", "--reporter=list,json", ...subset], {
          PLAYWRIGHT_JSON_OUTPUT_NAME: "test-results/playwright.json",
        })
      : 1;
  const stats = existsSync("test-results/playwright.json")
    ? JSON.parse(readFileSync("test-results/playwright.json", "utf8")).stats
    : { expected: 0, unexpected: 1, flaky: 0, skipped: 0 };
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected + (e2eStatus !== 0 && stats.unexpected === 0 ? 1 : 0);
  skipped += stats.skipped;
} else if (ci) {
  console.error(
    `\nChromium is required under CI but was not found at ${chromium} (apt-get install chromium).`,
  );
  failed += 1;
} else {
  console.log(
    `\nBrowser tests skipped: Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
}

console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
