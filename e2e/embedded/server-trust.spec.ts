import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

/*
 * What the server believes about a request, whichever way it is started: the client's address
 * comes from the socket (a forged X-Forwarded-For or peer header does not give a new per-address
 * counter), and with PostgreSQL it will not start without NEXTAUTH_SECRET. These start servers of
 * their own from the same build as the suite (NEXT_DIST_DIR).
 */

// Playwright runs from the repository root (the config lives there).
const root = process.cwd();
const NEXT_START_PORT = Number(process.env.E2E_PORT ?? 3100) + 7;

/** Six wrong passwords for one email, each claiming a different client address. */
async function failuresFromForgedAddresses(api: APIRequestContext): Promise<string[]> {
  const email = `forger-${Date.now()}@e2e.test`;
  const answers: string[] = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const forged = `198.51.100.${attempt}`;
    const response = await api.post("/api/auth/callback/credentials", {
      form: { email, password: `guess number ${attempt}`, csrfToken, json: "true" },
      headers: { "x-forwarded-for": forged, "x-parklead-peer": forged },
    });
    // next-auth answers with the error page's URL; authorize() put the reason there.
    const { url } = await response.json();
    answers.push(new URL(url).searchParams.get("error")!.split(":")[0]);
  }
  return answers;
}

/** This environment without a database URL or secret: the embedded database and its own secret file. */
function embeddedEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, NEXTAUTH_SECRET: _secret, ...rest } = process.env;
  return rest;
}

// Believed, each forged address would start a counter of its own and every answer be "invalid".
const throttledFromTheFifth = ["invalid", "invalid", "invalid", "invalid", "throttled", "throttled"];

test("[ANYONE] a forged X-Forwarded-For or peer header does not dodge the per-address sign-in limit under `npm start`", async ({
  request,
}) => {
  expect(await failuresFromForgedAddresses(request)).toEqual(throttledFromTheFifth);
});

test.describe("under plain `next start`", () => {
  let server: ChildProcess | undefined;
  let dataDir: string;
  let api: APIRequestContext;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = mkdtempSync(path.join(tmpdir(), "parklead-e2e-next-start-"));
    server = spawn(
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(NEXT_START_PORT), "-H", "127.0.0.1"],
      {
        cwd: root,
        env: { ...embeddedEnv(), PARKLEAD_DATA_DIR: dataDir, AUTH_TRUST_HOST: "1", NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const baseURL = `http://127.0.0.1:${NEXT_START_PORT}`;
    await expect
      .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => undefined))?.status, {
        timeout: 150_000,
        intervals: [500],
      })
      .toBe(200);
    api = await playwrightRequest.newContext({ baseURL });
  });
  test.afterAll(async () => {
    await api?.dispose();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("[ANYONE] a forged X-Forwarded-For or peer header does not dodge the per-address sign-in limit", async () => {
    expect(await failuresFromForgedAddresses(api)).toEqual(throttledFromTheFifth);
  });
});

test("[OPERATOR] with PostgreSQL and no NEXTAUTH_SECRET the server refuses to start, saying in one line how to make one", async () => {
  test.setTimeout(120_000);
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    // Nothing listens on port 9: the secret is checked before the database is opened.
    env: {
      ...embeddedEnv(),
      PARKLEAD_SKIP_BUILD: "1",
      PORT: String(NEXT_START_PORT + 1),
      DATABASE_URL: "postgresql://parklead@127.0.0.1:9/parklead",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).not.toBe(0);
  const reasons = output.split("\n").filter((line) => line.includes("NEXTAUTH_SECRET"));
  expect(reasons).toHaveLength(1);
  expect(reasons[0]).toContain(
    "NEXTAUTH_SECRET must be set with DATABASE_URL (make one with: openssl rand -base64 32)",
  );
});
