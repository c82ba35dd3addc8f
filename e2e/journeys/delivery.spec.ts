import { randomInt } from "node:crypto";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { creditCodeCheckCharacter } from "../../lib/forms/credit-code";
import { blockingViolations } from "../support/accessibility";
import { queryE2eDatabase } from "../support/database";
import { negotiatingLead, projectsOfLead, supervisionsOf } from "../support/delivery";
import { makeWorkspaceUser, signIn, type JourneyUser } from "../support/workspace";

/*
 * Issue 15's journey (履约): an officer signs a lead and finds its project under /crm/projects, records 注册 with
 * the company's credit code and the contract's 开工 day, which has passed; the late warning shows on the dashboard
 * and on the project; a manager opens a 督办 item, the officer answers it, the manager adds a 批示, the officer
 * records 开工 after its planned day; and the manager's 项目推进表 has the project's row with the credit code and
 * both 开工 days. Then the project page on a phone: every section within the screen's width.
 */

async function signedInPage(browser: Browser, user: JourneyUser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

/** A valid 统一社会信用代码 of a 平湖 company no other run uses. */
function newCreditCode(): string {
  const first17 = `91330482MA2${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** The Shanghai calendar day (YYYY-MM-DD) `days` from today. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** An Excel cell's day (a date cell, or text) as YYYY-MM-DD. */
function cellDay(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" ? value : null;
}

/** The dashboard's 项目预警 block. */
const projectWarnings = (page: Page) => page.getByRole("region", { name: /^项目预警/ });

const pageWiderThanScreen = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test("[STAFF] signs a lead, records 注册 and a late 开工 under a 督办 item, and the 项目推进表 has the row", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const officer = await makeWorkspaceUser("STAFF", "履约专员");
  const manager = await makeWorkspaceUser("MANAGER", "履约经理");
  const lead = await negotiatingLead(officer.id, "平湖履约精工");
  const creditCode = newCreditCode();
  const today = dayFromToday(0);
  const plannedStart = dayFromToday(-12);

  // The officer signs the lead on its page.
  const officerPage = await signedInPage(browser, officer);
  await officerPage.goto(`/crm/leads/${lead.id}`);
  await officerPage.getByLabel("阶段", { exact: true }).selectOption({ label: "签约" });
  const dialog = officerPage.getByRole("dialog", { name: `把 ${lead.company} 移到「签约」` });
  await dialog.getByLabel("签约面积").fill("2400");
  await dialog.getByLabel("预计年税收（万元）").fill("300");
  await dialog.getByRole("button", { name: "确认移动" }).click();
  await expect(officerPage.getByText(`已把 ${lead.company} 移到「签约」`)).toBeVisible();
  await expect.poll(async () => (await projectsOfLead(lead.id)).length).toBe(1);
  const [{ id: projectId }] = await projectsOfLead(lead.id);

  // Its project is listed under /crm/projects, and opens.
  await officerPage.goto("/crm/projects");
  await officerPage.getByRole("link", { name: lead.company }).first().click();
  await expect(officerPage).toHaveURL(new RegExp(`/crm/projects/${projectId}$`));
  await expect(officerPage.getByRole("heading", { level: 1 })).toHaveText(lead.company);
  const milestones = officerPage.locator('[data-section="milestones"]');
  const row = (kind: string) => milestones.locator(`tr[data-milestone="${kind}"]`);

  // 注册, with the company's credit code.
  await row("REGISTERED").getByRole("button", { name: "登记完成" }).click();
  const registered = officerPage.getByRole("dialog", { name: "登记“注册”完成" });
  await registered.getByLabel("实际完成日期").fill(today);
  await registered.getByLabel("统一社会信用代码").fill(creditCode.toLowerCase());
  await registered.getByLabel("说明").fill("营业执照已领取");
  await registered.getByRole("button", { name: "保存" }).click();
  await expect(registered).toBeHidden();
  await expect(row("REGISTERED")).toContainText(today);
  await expect(row("REGISTERED")).toContainText("已完成");
  await expect.poll(async () => (await projectsOfLead(lead.id))[0].creditCode).toBe(creditCode);

  // The contract's 开工 day, which has passed: the first plan, in force from the signing.
  await milestones.getByRole("button", { name: "编辑计划日期" }).click();
  const plan = officerPage.getByRole("dialog", { name: "里程碑计划日期" });
  await plan.getByLabel("开工").fill(plannedStart);
  await plan.getByRole("button", { name: "保存计划" }).click();
  await expect(plan).toBeHidden();
  await expect(row("CONSTRUCTION_START")).toContainText(plannedStart);
  await expect(row("CONSTRUCTION_START")).toContainText("逾期 12 天");
  expect((await projectsOfLead(lead.id))[0].milestones.CONSTRUCTION_START).toEqual({
    plannedOn: plannedStart,
    actualOn: null,
  });

  // The late warning on the officer's dashboard, linking to the project.
  await officerPage.goto("/crm");
  const warnings = projectWarnings(officerPage);
  await expect(warnings).toContainText("逾期 1");
  const warning = warnings.locator(`tr[data-project="${projectId}"][data-kind="CONSTRUCTION_START"]`);
  await expect(warning).toContainText(plannedStart);
  await warning.getByRole("link", { name: lead.company }).click();
  await expect(officerPage).toHaveURL(new RegExp(`/crm/projects/${projectId}$`));

  // The manager opens a 督办 item on it, assigned to the project's officer.
  const managerPage = await signedInPage(browser, manager);
  await managerPage.goto("/crm");
  await expect(
    projectWarnings(managerPage).locator(`tr[data-project="${projectId}"][data-kind="CONSTRUCTION_START"]`),
  ).toContainText(officer.name);
  await managerPage.goto(`/crm/projects/${projectId}`);
  const managerSupervision = managerPage.getByTestId("project-supervision");
  const title = "开工已逾期：请说明施工许可进度，本周内明确开工日期";
  const opening = managerSupervision.getByRole("form", { name: "开立督办" });
  await opening.getByLabel("督办事项").fill(title);
  await expect(opening.getByLabel("承办人")).toHaveValue(officer.id);
  await opening.getByLabel("办结期限").fill(dayFromToday(7));
  await opening.getByRole("button", { name: "开立督办" }).click();
  await expect(managerSupervision.getByText("已开立督办，已通知承办人")).toBeVisible();
  await expect(managerSupervision.getByText(title)).toBeVisible();
  await expect
    .poll(() => supervisionsOf(projectId))
    .toEqual([{ status: "OPEN", assigneeId: officer.id, openedById: manager.id, entries: null }]);

  // The officer answers it.
  await officerPage.reload();
  const officerSupervision = officerPage.getByTestId("project-supervision");
  const steps = officerSupervision.getByRole("group", { name: `办理：${title}` });
  await steps.getByRole("button", { name: "答复" }).click();
  await steps.getByLabel("答复内容").fill("施工许可已受理，消防审查意见本周补齐，下周一开工。");
  await steps.getByRole("button", { name: "提交答复" }).click();
  await expect(steps.getByText("已答复，等待经理办结")).toBeVisible();

  // The manager adds a 批示.
  await managerPage.reload();
  const managerSteps = managerPage.getByTestId("project-supervision").getByRole("group", { name: `办理：${title}` });
  await managerSteps.getByRole("button", { name: "批示" }).click();
  await managerSteps.getByLabel("批示内容").fill("请住建、消防并联审查，开工后报送现场照片。");
  await managerSteps.getByRole("button", { name: "提交批示" }).click();
  await expect(managerSteps.getByText("已批示，已通知承办人")).toBeVisible();
  await expect
    .poll(() => supervisionsOf(projectId))
    .toEqual([
      {
        status: "ANSWERED",
        assigneeId: officer.id,
        openedById: manager.id,
        entries: [
          { kind: "ANSWER", authorId: officer.id },
          { kind: "INSTRUCTION", authorId: manager.id },
        ],
      },
    ]);

  // The officer records 开工 today, after its planned day: done late, and the warning is gone.
  await officerPage.reload();
  await expect(officerPage.getByTestId("project-supervision")).toContainText("请住建、消防并联审查");
  await row("CONSTRUCTION_START").getByRole("button", { name: "登记完成" }).click();
  const started = officerPage.getByRole("dialog", { name: "登记“开工”完成" });
  await started.getByLabel("实际完成日期").fill(today);
  await started.getByLabel("说明").fill("桩基工程开工");
  await started.getByRole("button", { name: "保存" }).click();
  await expect(started).toBeHidden();
  await expect(row("CONSTRUCTION_START")).toContainText("逾期完成");
  expect((await projectsOfLead(lead.id))[0].milestones.CONSTRUCTION_START).toEqual({
    plannedOn: plannedStart,
    actualOn: today,
  });
  await officerPage.goto("/crm");
  await expect(projectWarnings(officerPage).locator(`tr[data-project="${projectId}"]`)).toHaveCount(0);

  // The manager exports the 项目推进表 of the list and finds the project's row: credit code, planned and actual 开工.
  await managerPage.goto(`/crm/projects?q=${encodeURIComponent(creditCode)}`);
  const downloading = managerPage.waitForEvent("download");
  await managerPage.getByRole("link", { name: "导出项目推进表" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(await download.createReadStream()));
  const sheet = workbook.worksheets[0];
  // Cell by cell: a merged header cell reads as the value of the merge's first cell.
  const cells = (index: number) =>
    Array.from({ length: sheet.columnCount }, (_, column) => sheet.getRow(index).getCell(column + 1).value);
  const [groups, subs] = [cells(2), cells(3)];
  const column = (group: string, sub: string) =>
    groups.findIndex((label, index) => label === group && subs[index] === sub);
  const start = { planned: column("开工", "计划"), actual: column("开工", "实际") };
  expect(start.planned).toBeGreaterThan(0);
  expect(start.actual).toBe(start.planned + 1);
  const found = Array.from({ length: sheet.rowCount - 3 }, (_, index) => cells(index + 4)).filter((row) =>
    row.includes(creditCode),
  );
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(lead.company);
  expect([cellDay(found[0][start.planned]), cellDay(found[0][start.actual])]).toEqual([plannedStart, today]);

  await officerPage.context().close();
  await managerPage.context().close();
});

test("[STAFF] the project page on a phone: every section fits the screen, and passes axe", async ({ browser }) => {
  const officer = await makeWorkspaceUser("STAFF", "履约专员");
  const lead = await negotiatingLead(officer.id, "嘉善履约智造");
  const page = await signedInPage(browser, officer);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/crm/leads/${lead.id}`);
  await page.getByLabel("阶段", { exact: true }).selectOption({ label: "签约" });
  const dialog = page.getByRole("dialog", { name: `把 ${lead.company} 移到「签约」` });
  await dialog.getByLabel("签约面积").fill("1800");
  await dialog.getByLabel("预计年税收（万元）").fill("200");
  await dialog.getByRole("button", { name: "确认移动" }).click();
  await expect(page.getByText(`已把 ${lead.company} 移到「签约」`)).toBeVisible();
  await expect.poll(async () => (await projectsOfLead(lead.id)).length).toBe(1);
  const [{ id: projectId }] = await projectsOfLead(lead.id);

  await page.goto(`/crm/projects/${projectId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(lead.company);
  for (const name of ["里程碑", "督办"]) await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  expect(await pageWiderThanScreen(page)).toBe(false);
  // A wide table scrolls inside its own frame, never the page.
  for (const table of await page.locator("table").all()) {
    const frame = table.locator("xpath=..");
    const box = await frame.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390 + 1).toBe(true);
  }
  expect(await blockingViolations(page, "the project page on a phone")).toEqual([]);
  await page.context().close();
});

test("[ADMIN] the demo's late project is flagged in the list, and its 督办 item shows the answer and the 批示", async ({
  page,
}) => {
  await signIn(page, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
  // The demo's late project (lib/demo/seed/projects.ts): the one under 督办, its 开工 planned 40 days ago.
  const [demo] = await queryE2eDatabase<{ id: string; name: string }>(
    `SELECT p."id", p."name" FROM "Project" p
     WHERE p."demo" AND EXISTS (SELECT 1 FROM "Supervision" s WHERE s."projectId" = p."id")`,
  );
  expect(demo).toBeDefined();
  await page.goto(`/crm/projects?warning=late&q=${encodeURIComponent(demo.name)}`);
  await page.getByRole("link", { name: demo.name }).click();
  await expect(page).toHaveURL(new RegExp(`/crm/projects/${demo.id}$`));
  await expect(page.locator('tr[data-milestone="CONSTRUCTION_START"]')).toContainText("逾期 40 天");
  const thread = page.getByTestId("project-supervision");
  await expect(thread).toContainText("开工已逾期");
  await expect(thread).toContainText("施工许可申报材料已提交");
  await expect(thread).toContainText("务必本月底前开工");
});
