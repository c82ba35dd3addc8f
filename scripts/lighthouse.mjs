// `npm run lighthouse [-- <base url>]`: Lighthouse (mobile) on the home page, a listing and the inquiry page,
// with Debian's Chromium. Without a URL it serves the production build on a fresh embedded database
// (scripts/start.mjs builds first when the sources changed) and stops it afterwards.
// Prints accessibility, best practices, SEO and performance for each page; exits non-zero when one is
// under its target (95, 95, 95, 90).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { firstListingPath } from "./js-budget.mjs";

const TARGETS = { accessibility: 95, "best-practices": 95, seo: 95, performance: 90 };
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// The flags the browser tests give Debian's Chromium (playwright.config.ts); Lighthouse drives it over this port.
const DEBUGGING_PORT = Number(process.env.LIGHTHOUSE_CHROME_PORT ?? 9333);
const CHROME_FLAGS = [
  `--remote-debugging-port=${DEBUGGING_PORT}`,
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const root = path.resolve(import.meta.dirname, "..");
let server;
let dataDir;

async function startServer() {
  const port = Number(process.env.LIGHTHOUSE_PORT ?? 3290);
  dataDir = mkdtempSync(path.join(tmpdir(), "parklead-lighthouse-"));
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", PARKLEAD_DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // A first start may build (minutes), then opens and seeds the embedded database.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return baseUrl;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not answer /api/health in 15 minutes");
}

function stopServer() {
  server?.kill("SIGTERM");
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function audit(url) {
  const { lhr } = await lighthouse(url, {
    port: DEBUGGING_PORT,
    output: "json",
    logLevel: "error",
    onlyCategories: Object.keys(TARGETS),
  });
  const scores = Object.fromEntries(
    Object.keys(TARGETS).map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
  );
  // What cost points, so a low score says where to look.
  const failing = Object.values(lhr.categories)
    .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
    .map((ref) => lhr.audits[ref.id])
    .filter((result) => result.score !== null && result.score < 0.9)
    .map((result) => `${result.id} (${result.displayValue ?? Math.round(result.score * 100)})`);
  return { scores, failing: [...new Set(failing)] };
}

let exitCode = 0;
let browser;
try {
  const baseUrl = process.argv[2] ?? (await startServer());
  const pages = ["/", await firstListingPath(baseUrl), "/inquire"];
  browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_FLAGS });
  console.log(`Lighthouse (mobile) on ${baseUrl}`);
  for (const page of pages) {
    const { scores, failing } = await audit(new URL(page, baseUrl).toString());
    const line = Object.entries(scores)
      .map(([category, score]) => `${category} ${score}${score < TARGETS[category] ? " (under target)" : ""}`)
      .join(", ");
    console.log(`${page}: ${line}`);
    if (failing.length) console.log(`  to look at: ${failing.join(", ")}`);
    if (Object.entries(scores).some(([category, score]) => score < TARGETS[category])) exitCode = 1;
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await browser?.close();
  stopServer();
}
process.exit(exitCode);
