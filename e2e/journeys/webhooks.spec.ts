import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { blockingViolations } from "../support/accessibility";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { signIn } from "../support/workspace";

/*
 * An admin connects a system of the park's own: subscribes its URL (a receiver on loopback) to new leads
 * and inquiries, sees the signing secret once, sends a test event, and the receiver verifies the
 * signature of the ping and then of the new lead an inquiry makes, as the README tells it to.
 */

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

function verified({ headers, raw }: Received, secret: string): boolean {
  const timestamp = String(headers["x-parklead-timestamp"] ?? "");
  const signature = String(headers["x-parklead-signature"] ?? "");
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest("hex");
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

async function makeAdmin() {
  const stamp = `${Date.now()}-${randomBytes(3).toString("hex")}`;
  const admin = {
    id: `e2e${randomBytes(10).toString("hex")}`,
    email: `hooks-admin-${stamp}@e2e.test`,
    password: `hooks-admin-${stamp}`,
  };
  await queryE2eDatabase(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
     VALUES ($1, $2, $3, $4, 'ADMIN'::"Role", now())`,
    [admin.id, admin.email, `周敏${stamp.slice(-4)}`, await hashPassword(admin.password)],
  );
  return admin;
}

test("[ADMIN] subscribes a receiver, sees the secret once, and the receiver verifies a ping and a new lead", async ({
  page,
  playwright,
  baseURL,
}) => {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, raw: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/parklead`;
  const of = (type: string) => received.filter((request) => JSON.parse(request.raw).type === type);
  try {
    const admin = await makeAdmin();
    const name = `集团 CRM ${randomBytes(3).toString("hex")}`;
    await signIn(page, admin.email, admin.password);
    await page.goto("/crm/settings");
    await page.getByRole("navigation", { name: "设置" }).getByRole("link", { name: "Webhook" }).click();
    await expect(page).toHaveURL(/\/crm\/settings\/webhooks$/);

    // An address outside this machine over plain http, and no event: both refused beside their inputs.
    await page.getByLabel("名称", { exact: true }).fill(name);
    await page.getByLabel("推送地址").fill("http://crm.partner.example/hook");
    for (const event of ["新线索", "新咨询", "阶段变化", "分配负责人", "签约", "删除个人信息"])
      await page.getByRole("checkbox", { name: new RegExp(event) }).uncheck();
    await page.getByRole("button", { name: "创建订阅" }).click();
    await expect(page.getByText("请填写以 https:// 开头的完整地址")).toBeVisible();
    await expect(page.getByText("请至少选择一个事件")).toBeVisible();

    await page.getByLabel("推送地址").fill(url);
    await page.getByRole("checkbox", { name: /新线索/ }).check();
    await page.getByRole("checkbox", { name: /新咨询/ }).check();
    await page.getByRole("button", { name: "创建订阅" }).click();
    const shown = page.getByTestId("webhook-secret");
    await expect(shown).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
    const secret = (await shown.textContent())!;
    expect(await blockingViolations(page, "/crm/settings/webhooks with a new secret")).toEqual([]);
    const [stored] = await queryE2eDatabase<{ id: string; events: string[]; urlSealed: string }>(
      `SELECT "id", "events", "urlSealed" FROM "WebhookSubscription" WHERE "name" = $1`,
      [name],
    );
    expect(stored.events).toEqual(["lead.created", "inquiry.created"]);
    expect(stored.urlSealed).not.toContain("127.0.0.1");

    // Reloaded, the page shows the address's host only and never the secret again.
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    const item = page.locator(`[data-subscription="${stored.id}"]`);
    await expect(item.getByText(/http:\/\/127\.0\.0\.1:\d+ …/)).toBeVisible();

    // The test event reaches the receiver, signed with the secret, and its line in the log says so.
    await item.getByRole("button", { name: "发送测试事件" }).click();
    await expect.poll(() => of("ping").length, { timeout: 15_000 }).toBe(1);
    expect(verified(of("ping")[0], secret)).toBe(true);
    await page.reload();
    await item.getByText(/发送记录/).click();
    await expect(item.locator('tr[data-status="SENT"]')).toHaveCount(1);

    // A partner site's inquiry makes a new lead: the receiver gets the lead and the inquiry, signed.
    const phone = uniquePhone();
    const partner = await playwright.request.newContext({ baseURL });
    const answer = await partner.post("/api/inquiries", {
      data: {
        need: { deal: "rent", kind: "factory", area: 1800, areaUnit: "sqm", timeline: "3m" },
        use: "新能源电池包装配",
        expectedAnnualTax: 260,
        company: `嘉兴某某新能源${randomBytes(2).toString("hex")}有限公司`,
        contactName: "沈先生",
        phone,
        consent: true,
      },
    });
    expect(answer.status()).toBe(201);
    const { id: inquiryId } = await answer.json();
    await expect.poll(() => of("lead.created").length + of("inquiry.created").length, { timeout: 15_000 }).toBe(2);
    for (const request of [...of("lead.created"), ...of("inquiry.created")]) {
      expect(verified(request, secret)).toBe(true);
      expect(request.headers["x-parklead-event"]).toBe(JSON.parse(request.raw).type);
    }
    const created = JSON.parse(of("lead.created")[0].raw);
    expect(created.data.lead).toMatchObject({ phone, contactName: "沈先生" });
    expect(created.data.inquiry.id).toBe(inquiryId);
    await partner.dispose();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
