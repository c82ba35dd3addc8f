import { expect, test } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { followWorkspaceLink, makeWorkspaceUser, signIn } from "../support/workspace";

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

/** Tomorrow's date in Asia/Shanghai, as YYYY-MM-DD. */
function tomorrowInShanghai(): string {
  return new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
}

test("[STAFF] finds the lead of a new inquiry, logs a call and schedules a follow-up for tomorrow 10:00", async ({
  page,
  browser,
}) => {
  const staff = await makeWorkspaceUser("STAFF", "跟进专员");
  const phone = uniquePhone();
  const company = `平湖跟进测试${phone.slice(-6)}精密机械有限公司`;

  // An investor asks on the public site.
  await page.goto("/inquire");
  const form = page.getByTestId("inquiry-form");
  await form.getByRole("radio", { name: "购买" }).check();
  await form.getByRole("radio", { name: "厂房" }).check();
  await form.getByLabel("需求面积").fill("2400");
  await form.getByLabel("用途").fill("智能制造：精密减速器生产");
  await form.getByLabel("预计年税收（万元）").fill("300");
  await form.getByLabel("公司名称").fill(company);
  await form.getByLabel("联系人").fill("周经理");
  await form.getByLabel("手机号").fill(phone);
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "提交需求" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("需求已收到");
  const [lead] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "Lead" WHERE "phone" = $1`, [phone]);
  expect(lead).toBeTruthy();

  // Whoever round-robin gave it to, the admin hands it to our officer on the lead page.
  const adminContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto(`/crm/leads/${lead.id}`);
  await adminPage.getByLabel("分配给").selectOption({ label: staff.name });
  await expect(adminPage.getByText(`已分配给 ${staff.name}`)).toBeVisible();
  await adminContext.close();
  expect(await queryE2eDatabase(`SELECT "ownerId" FROM "Lead" WHERE "id" = $1`, [lead.id])).toEqual([
    { ownerId: staff.id },
  ]);

  // The officer signs in, finds the lead by its company and opens it.
  await page.context().clearCookies();
  await signIn(page, staff.email, staff.password);
  await followWorkspaceLink(page, "线索");
  await expect(page).toHaveURL(/\/crm\/leads/);
  const search = page.getByRole("searchbox", { name: "搜索" });
  await search.fill(company);
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole("link", { name: company }).click();
  await expect(page).toHaveURL(`/crm/leads/${lead.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(company);
  await expect(page.getByTestId("lead-phone")).toHaveText(phone);
  await expect(page.getByTestId("lead-inquiry")).toHaveCount(1);

  // Calls, and logs the call.
  const log = page.getByTestId("activity-form");
  await expect(log.getByRole("radio", { name: "电话" })).toBeChecked();
  await log.getByRole("button", { name: "记录" }).click();
  await expect(log.getByText("请选择一项")).toBeVisible();
  await log.getByLabel("通话结果").selectOption({ label: "已接通" });
  await log.getByLabel("内容").fill("已电话联系周经理，对 2400 m² 厂房有兴趣，约下周实地考察");
  await log.getByRole("button", { name: "记录" }).click();
  await expect(log.getByText("已记录")).toBeVisible();
  await expect(page.getByTestId("lead-timeline").locator('[data-kind="CALL"]')).toContainText("约下周实地考察");
  const calls = await queryE2eDatabase<{ actorId: string; body: string; details: unknown }>(
    `SELECT "actorId", "body", "details" FROM "Activity" WHERE "leadId" = $1 AND "kind" = 'CALL'`,
    [lead.id],
  );
  expect(calls).toEqual([
    {
      actorId: staff.id,
      body: "已电话联系周经理，对 2400 m² 厂房有兴趣，约下周实地考察",
      details: { outcome: "reached" },
    },
  ]);
  const [responded] = await queryE2eDatabase<{ firstRespondedAt: Date | null }>(
    `SELECT "firstRespondedAt" FROM "Lead" WHERE "id" = $1`,
    [lead.id],
  );
  expect(responded.firstRespondedAt).not.toBeNull();

  // Schedules the follow-up for tomorrow 10:00 Beijing time.
  const day = tomorrowInShanghai();
  const tasks = page.getByTestId("task-form");
  await tasks.getByLabel("事项").fill("带周经理看 A3 栋");
  await tasks.getByLabel("截止时间（北京时间）").fill(`${day}T10:00`);
  await tasks.getByRole("button", { name: "添加跟进" }).click();
  await expect(tasks.getByText("已添加跟进")).toBeVisible();
  await expect(page.getByTestId("lead-tasks")).toContainText("带周经理看 A3 栋");
  const stored = await queryE2eDatabase<{
    title: string;
    dueAt: Date;
    assigneeId: string;
    doneAt: Date | null;
    nextFollowUpAt: Date;
  }>(
    `SELECT t."title", t."dueAt", t."assigneeId", t."doneAt", l."nextFollowUpAt" FROM "Task" t JOIN "Lead" l ON l."id" = t."leadId" WHERE t."leadId" = $1`,
    [lead.id],
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ title: "带周经理看 A3 栋", assigneeId: staff.id, doneAt: null });
  expect(stored[0].dueAt.toISOString()).toBe(`${day}T02:00:00.000Z`);
  expect(stored[0].nextFollowUpAt.toISOString()).toBe(`${day}T02:00:00.000Z`);
});
