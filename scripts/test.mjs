// `npm test`: every test. Lint (ESLint and Prettier's check, one check that passes or fails), unit and
// integration tests (Vitest, on PGlite and PostgreSQL), then the browser journeys (Playwright) against a
// production build. Without TEST_DATABASE_URL it starts a throwaway PostgreSQL when one is installed,
// so a developer runs the same suite CI runs.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = mkdtempSync(path.join(tmpdir(), "parklead-test-"));
const env = { ...process.env };
let throwaway;

if (!env.TEST_DATABASE_URL) {
  try {
    const exports = execFileSync("bash", [path.join(root, "scripts/throwaway-postgres.sh"), "start"], {
      encoding: "utf8",
    });
    for (const [, name, value] of exports.matchAll(/^export (\w+)=(.*)$/gm)) env[name] = value;
    throwaway = env.PARKLEAD_PG_DIR;
    console.log(`[test] started a throwaway PostgreSQL for this run (${env.TEST_DATABASE_URL})`);
  } catch (error) {
    console.warn(
      `[test] no PostgreSQL available (${String(error.message).split("\n")[0]}); PostgreSQL tests will say they were skipped`,
    );
  }
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function count(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  return read(JSON.parse(readFileSync(file, "utf8")));
}

let exitCode = 0;
try {
  const vitestJson = path.join(reports, "vitest.json");
  // Every stage runs whatever an earlier one did, so one failure never hides the others.
  const lintStatus = run("npm", ["run", "lint", "--silent"]);
  exitCode ||= lintStatus;
  const lint = { passed: lintStatus === 0 ? 1 : 0, failed: lintStatus === 0 ? 0 : 1 };

  const unitStatus = run("npx", [
    "--no-install",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestJson}`,
  ]);
  exitCode ||= unitStatus;
  const unit = count(vitestJson, (report) => ({
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.success ? 0 : 0),
  }));

  const buildStatus = run("npm", ["run", "build", "--silent"]);
  exitCode ||= buildStatus;
  const playwrightJson = path.join(reports, "playwright.json");
  let browser = { passed: 0, failed: buildStatus === 0 ? 0 : 1 };
  if (buildStatus === 0) {
    const browserStatus = run("npx", ["--no-install", "playwright", "test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
      PARKLEAD_SKIP_BUILD: "1",
    });
    exitCode ||= browserStatus;
    browser = count(playwrightJson, (report) => ({
      passed: report.stats.expected,
      failed: report.stats.unexpected + report.stats.flaky,
    }));
  }

  const passed = lint.passed + unit.passed + browser.passed;
  const failed = lint.failed + unit.failed + browser.failed;
  if (failed > 0) exitCode ||= 1;
  console.log(
    `\nlint: ${lint.failed ? "failed" : "passed"}; unit+integration: ${unit.passed} passed, ${unit.failed} failed; browser: ${browser.passed} passed, ${browser.failed} failed`,
  );
  console.log(`${passed} passed, ${failed} failed`);
} finally {
  if (throwaway) execFileSync("bash", [path.join(root, "scripts/throwaway-postgres.sh"), "stop", throwaway]);
}
process.exit(exitCode);
