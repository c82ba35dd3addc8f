import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, defineConfig, devices } from "@playwright/test";

/*
 * Two production servers of the same build: one on PostgreSQL (the journeys, which check the
 * database after each step) and one on the embedded PGlite a new user gets from `npm start`.
 * Workers inherit process.env from this first evaluation, so the names chosen here hold for all.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
process.env.E2E_DATABASE_URL ??= postgresUrl ? databaseUrlNamed(postgresUrl, `parklead_e2e_${process.pid}`) : "";
process.env.E2E_PGLITE_DIR ??= mkdtempSync(path.join(tmpdir(), "parklead-e2e-pglite-"));
if (!postgresUrl) {
  const reason = "TEST_DATABASE_URL is not set: the PostgreSQL journeys cannot check the database and are not run";
  if (process.env.CI) throw new Error(reason);
  console.warn(`[e2e] ${reason} (npm test starts a throwaway PostgreSQL when one is installed).`);
}

// Signs the PostgreSQL server's session cookies: a fresh one per run, never a value in the repository.
process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");

// The first admin of the PostgreSQL journeys' workspace.
process.env.E2E_ADMIN_EMAIL ??= "admin@e2e.test";
process.env.E2E_ADMIN_PASSWORD ??= `e2e-admin-${process.pid}`;

const POSTGRES_PORT = Number(process.env.E2E_PORT ?? 3100);
const PGLITE_PORT = POSTGRES_PORT + 1;
// The loopback mail server the investor journey starts (e2e/journeys/investor-hears-back.spec.ts): the
// PostgreSQL server mails there, so a receipt can be read as the investor gets it.
process.env.E2E_SMTP_PORT ??= String(POSTGRES_PORT + 25);

// Debian's Chromium where Playwright's own browser is not installed (it cannot be downloaded here).
const bundled = chromium.executablePath();
const launchOptions = existsSync(bundled)
  ? {}
  : {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    };

const serverEnv = { PARKLEAD_SKIP_BUILD: process.env.PARKLEAD_SKIP_BUILD ?? "0", HOSTNAME: "127.0.0.1" };

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: { trace: "retain-on-failure", launchOptions, locale: "zh-CN", timezoneId: "Asia/Shanghai" },
  projects: [
    ...(postgresUrl
      ? [
          {
            name: "postgres",
            testMatch: /journeys\/.*\.spec\.ts/,
            use: { ...devices["Pixel 7"], baseURL: `http://127.0.0.1:${POSTGRES_PORT}` },
          },
        ]
      : []),
    {
      name: "embedded",
      testMatch: /embedded\/.*\.spec\.ts/,
      use: { ...devices["Pixel 7"], baseURL: `http://127.0.0.1:${PGLITE_PORT}` },
    },
  ],
  webServer: [
    ...(postgresUrl
      ? [
          {
            command: "node scripts/e2e-server.mjs",
            url: `http://127.0.0.1:${POSTGRES_PORT}/api/health`,
            timeout: 600_000,
            reuseExistingServer: false,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
            env: {
              ...serverEnv,
              PORT: String(POSTGRES_PORT),
              DATABASE_URL: process.env.E2E_DATABASE_URL!,
              // Required with PostgreSQL (the server refuses to start without it); one per run.
              NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET,
              PARKLEAD_SEED_DEMO: "1",
              PARKLEAD_FORM_MIN_FILL_MS: "500",
              ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
              ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
              // Links in mails (the receipt's status page) point at this server.
              NEXTAUTH_URL: `http://127.0.0.1:${POSTGRES_PORT}`,
              PARKLEAD_SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
              PARKLEAD_MAIL_FROM: "园区招商 <notify@e2e.test>",
              PARKLEAD_NOTIFY_POLL_MS: "250",
            },
          },
        ]
      : []),
    {
      command: "node scripts/start.mjs",
      url: `http://127.0.0.1:${PGLITE_PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
      // A long time trap here, so every form the embedded suite sends is "too fast": it shows how that is
      // judged together with the honeypot and whether the page's script ran (lib/inquiries/spam-trap.ts).
      env: {
        ...serverEnv,
        PORT: String(PGLITE_PORT),
        PARKLEAD_DATA_DIR: process.env.E2E_PGLITE_DIR!,
        PARKLEAD_FORM_MIN_FILL_MS: "60000",
      },
    },
  ],
});

function databaseUrlNamed(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
