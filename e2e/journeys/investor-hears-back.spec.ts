import { expect, test } from "@playwright/test";
import { startSmtpReceiver, type SmtpReceiver } from "../../tests/support/smtp-receiver";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { makeWorkspaceUser, signIn } from "../support/workspace";

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

/*
 * The investor hears back: the receipt reaches a real SMTP server on loopback (the app server mails
 * there, playwright.config.ts), its link opens the status page, and the page follows the lead as the
 * officer is assigned and calls. The worker inside the app server sends the mail, as in production.
 */

let mailbox: SmtpReceiver;
test.beforeAll(async () => {
  mailbox = await startSmtpReceiver({ port: Number(process.env.E2E_SMTP_PORT) });
});
test.afterAll(async () => {
  await mailbox?.close();
});

test("[INVESTOR] gets a receipt by email, follows its link to the status page and sees the officer's call there", async ({
  page,
  browser,
}) => {
  const officer = await makeWorkspaceUser("STAFF", "回访专员");
  await queryE2eDatabase(`UPDATE "User" SET "workPhone" = $2 WHERE "id" = $1`, [officer.id, "0573-8501 2345"]);
  const phone = uniquePhone();
  const email = `investor-${phone}@e2e.test`;
  const company = `平湖回执测试${phone.slice(-6)}新能源有限公司`;

  // The investor sends the form with an email address.
  await page.goto("/inquire");
  const form = page.getByTestId("inquiry-form");
  await form.getByRole("radio", { name: "租赁" }).check();
  await form.getByRole("radio", { name: "厂房" }).check();
  await form.getByLabel("需求面积").fill("5000");
  await form.getByLabel("用途").fill("新能源电池包组装");
  await form.getByLabel("预计年税收（万元）").fill("450");
  await form.getByLabel("公司名称").fill(company);
  await form.getByLabel("联系人").fill("林女士");
  await form.getByLabel("手机号").fill(phone);
  await form.getByText("补充信息（选填）").click();
  await form.getByLabel("邮箱").fill(email);
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "提交需求" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("需求已收到");
  const reference = (await page.getByTestId("inquiry-reference").textContent())!.trim();
  // The confirmation page links the status page (its address carries the key, the reference alone would not).
  const shownLink = await page.getByTestId("status-link").getAttribute("href");
  expect(shownLink).toMatch(/\/inquire\/status\/\w+\.[\w-]{32}$/);

  // The receipt arrives at the mail server.
  await expect
    .poll(() => mailbox.received.filter((mail) => mail.envelopeTo.includes(email)).length, { timeout: 30_000 })
    .toBe(1);
  const receipt = mailbox.received.find((mail) => mail.envelopeTo.includes(email))!;
  expect(receipt.subject).toBe(`我们已收到您的招商咨询（编号 ${reference}）`);
  expect(receipt.from).toContain("notify@e2e.test");
  expect(receipt.text).toContain("租赁厂房 5,000 m²");
  expect(receipt.text).toMatch(/工作日 4 小时内，即 \d{1,2} 月 \d{1,2} 日 \d\d:\d\d 前/);
  expect(receipt.html).toContain(reference);
  const link = receipt.text.match(/https?:\/\/\S+\/inquire\/status\/\S+/)?.[0];
  expect(link).toBe(shownLink);

  // A key one character off is a plain "not found", saying nothing of whether the inquiry exists.
  const wrong = await page.goto(`${link!.slice(0, -1)}${link!.endsWith("A") ? "B" : "A"}`);
  expect(wrong?.status()).toBe(404);

  // The link in the mail opens the status page: received, and what was asked; never cached or indexed.
  const opened = await page.goto(link!);
  expect(opened?.headers()["cache-control"]).toContain("no-store");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("咨询进度");
  await expect(page.getByTestId("inquiry-reference")).toHaveText(reference);
  await expect(page.locator('[data-step="received"]')).toHaveAttribute("data-done", "true");
  await expect(page.locator('[data-step="contacted"]')).toHaveAttribute("data-done", "false");
  await expect(page.locator('[data-step="contacted"]')).toContainText("专员将在工作日 4 小时内");
  await page.getByText("查看我们保存的全部个人信息").click();
  await expect(page.getByTestId("held-data")).toContainText(phone);
  await expect(page.getByTestId("held-data")).toContainText(email);

  // The admin gives the lead to our officer; the page names them with their work phone.
  const [lead] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "Lead" WHERE "phone" = $1`, [phone]);
  const adminContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto(`/crm/leads/${lead.id}`);
  await adminPage.getByLabel("分配给").selectOption({ label: officer.name });
  await expect(adminPage.getByText(`已分配给 ${officer.name}`)).toBeVisible();
  await adminContext.close();
  await page.reload();
  await expect(page.locator('[data-step="assigned"]')).toHaveAttribute("data-done", "true");
  await expect(page.locator('[data-step="assigned"]')).toContainText(officer.name);
  await expect(page.getByTestId("officer-phone")).toHaveAttribute("href", "tel:057385012345");

  // The officer signs in and logs the call.
  const officerContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const officerPage = await officerContext.newPage();
  await signIn(officerPage, officer.email, officer.password);
  await officerPage.goto(`/crm/leads/${lead.id}`);
  const log = officerPage.getByTestId("activity-form");
  await log.getByLabel("通话结果").selectOption({ label: "已接通" });
  await log.getByLabel("内容").fill("已电话联系林女士，约下周看厂");
  await log.getByRole("button", { name: "记录" }).click();
  await expect(log.getByText("已记录")).toBeVisible();
  await officerContext.close();

  // The status page shows "contacted".
  await page.reload();
  await expect(page.locator('[data-step="contacted"]')).toHaveAttribute("data-done", "true");
  await expect(page.locator('[data-step="contacted"]')).toContainText("专员已与您联系");

  // The investor withdraws consent, in two steps; the request shows with its deadline.
  await page.getByRole("link", { name: "撤回同意" }).click();
  await expect(page.getByTestId("privacy-confirm")).toContainText("确认撤回同意？");
  await page.getByRole("button", { name: "确认提交" }).click();
  await expect(page.getByText("已收到您撤回同意的请求")).toBeVisible();
  await expect(page.getByTestId("privacy-requests")).toContainText("处理中");
  const requests = await queryE2eDatabase<{ kind: string; status: string; withdrawn: boolean }>(
    `SELECT r."kind", r."status", l."consentWithdrawnAt" IS NOT NULL AS "withdrawn"
       FROM "PrivacyRequest" r JOIN "Lead" l ON l."id" = r."leadId" WHERE r."leadId" = $1`,
    [lead.id],
  );
  expect(requests).toEqual([{ kind: "WITHDRAW", status: "OPEN", withdrawn: true }]);
});
