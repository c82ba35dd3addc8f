import net from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { signIn } from "../support/workspace";

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

/** Records every Content-Security-Policy violation the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ...console,
  ];
}

/** Opens a page and checks it carries a nonce policy that its own scripts match, and ran with no violation. */
async function visit(page: Page, path: string, violations: () => Promise<string[]>) {
  const response = (await page.goto(path, { waitUntil: "networkidle" }))!;
  const policy = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `${path} has a nonce policy`).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
  // Next put this response's nonce on every script it rendered.
  const scripts = await page
    .locator("script")
    .evaluateAll((elements) => elements.map((element) => (element as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
  expect(await violations(), `CSP violations on ${path}`).toEqual([]);
}

test("[INVESTOR] every public page runs under a nonce Content-Security-Policy with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await visit(page, "/", violations);
  await visit(page, "/listings", violations);
  await page.getByTestId("listing-card").first().getByRole("link").click();
  await expect(page.getByTestId("inquiry-form")).toBeVisible();
  await visit(page, new URL(page.url()).pathname, violations);
  // The form's script ran: the page is interactive under the policy.
  await expect(page.getByTestId("inquiry-form").locator('input[name="scripted"]')).toBeAttached();
  await visit(page, "/inquire", violations);
  await visit(page, "/privacy", violations);
  await visit(page, "/login", violations);
  await visit(page, "/no-such-page", violations);
  // The language switch is a client script: it works under the policy.
  await page.goto("/");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await violations()).toEqual([]);
});

test("[ADMIN] every workspace page runs under a nonce Content-Security-Policy with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, admin.email, admin.password);
  for (const path of [
    "/crm",
    "/crm/leads",
    "/crm/leads/duplicates",
    "/crm/pipeline",
    "/crm/listings",
    "/crm/reports",
    "/crm/settings",
    "/crm/settings/rules",
    "/crm/settings/pipeline",
    "/crm/audit",
    "/crm/privacy",
  ]) {
    await visit(page, path, violations);
  }
  await page.goto("/crm/listings");
  const listing = await page
    .locator('a[href^="/crm/listings/"]:not([href$="/new"]):not([href*="/parks"])')
    .first()
    .getAttribute("href");
  await visit(page, listing!, violations);

  const phone = uniquePhone();
  const sent = await page.request.post("/api/inquiries", {
    data: {
      need: { deal: "rent", kind: "office", area: 300, areaUnit: "sqm" },
      use: "软件研发",
      expectedAnnualTax: 30,
      company: "安全策略测试有限公司",
      contactName: "李工",
      phone,
      consent: true,
    },
  });
  expect(sent.status()).toBe(201);
  const [lead] = await queryE2eDatabase<{ leadId: string }>(`SELECT "leadId" FROM "Inquiry" WHERE "phone" = $1`, [
    phone,
  ]);
  await visit(page, `/crm/leads/${lead.leadId}`, violations);
  // The investor's status page (public, reached by the link the 201 carries), and its confirmation step.
  const { statusUrl } = (await sent.json()) as { statusUrl: string };
  await visit(page, new URL(statusUrl).pathname, violations);
  await visit(page, `${new URL(statusUrl).pathname}?confirm=ERASE`, violations);
});

test("[VISITOR] headers: Permissions-Policy everywhere, a strict policy on JSON, no HSTS on plain http whatever the client claims", async ({
  request,
}) => {
  const home = await request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
  expect(home.headers()["permissions-policy"]).toMatch(
    /camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\).*usb=\(\)/,
  );
  expect(home.headers()["strict-transport-security"]).toBeUndefined();
  expect(home.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");

  const health = await request.get("/api/health");
  expect(health.headers()["permissions-policy"]).toContain("microphone=()");
  expect(health.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  // Two requests, two nonces.
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(home.headers()["content-security-policy"]);
});

test("[PARTNER] a chunked body past the cap is answered 413 and the connection is closed, not left hanging", async () => {
  const { hostname, port } = new URL(test.info().project.use.baseURL!);
  const socket = net.connect(Number(port), hostname);
  let answer = "";
  let sending: NodeJS.Timeout | undefined;
  const started = Date.now();
  const closed = new Promise<number>((resolve, reject) => {
    socket.on("data", (data) => (answer += data.toString()));
    socket.on("close", () => resolve(Date.now() - started));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // The server may reset a connection whose client is still sending: closed all the same.
      if (error.code === "ECONNRESET" || error.code === "EPIPE") resolve(Date.now() - started);
      else reject(error);
    });
  });
  socket.on("connect", () => {
    socket.write(
      `POST /api/inquiries HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    );
    const chunk = `${"x".repeat(4096)}`;
    // Keeps sending, as a client that never reads the answer would: 4 KB every 20 ms.
    sending = setInterval(() => {
      if (socket.writable) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    }, 20);
  });
  try {
    const deadline = new Promise<"hanging">((resolve) => setTimeout(() => resolve("hanging"), 5_000));
    const outcome = await Promise.race([closed, deadline]);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(outcome).not.toBe("hanging");
    expect(outcome).toBeLessThan(3_000);
  } finally {
    clearInterval(sending);
    socket.destroy();
  }
});
