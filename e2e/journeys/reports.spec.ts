import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { zhCN } from "../../lib/i18n/messages/zh-CN";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { followWorkspaceLink, makeWorkspaceUser, signIn } from "../support/workspace";

/*
 * The reports journey on a park of this run's own, so the demo data and the other journeys cannot
 * move its figures. Lead times are relative to the Shanghai calendar month the run happens in.
 */

const id = () => `e2e${randomBytes(10).toString("hex")}`;

/** The first instant of the Shanghai calendar month `offset` months from now's. */
function shanghaiMonthStart(offset: number): Date {
  const local = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + offset, 1) - 8 * 3_600_000);
}

/** A lead of the park with its stage history, stored as lib/leads leaves one. */
async function makeLead(spec: { parkId: string; ownerId: string; created: Date; history: [string, Date, string?][] }) {
  const leadId = id();
  const [stageKey, changedAt, lostReasonKey] = spec.history[spec.history.length - 1];
  await queryE2eDatabase(
    `INSERT INTO "Lead" ("id", "phone", "company", "contactName", "source", "parkId", "ownerId", "stageKey", "stageChangedAt", "lostReasonKey",
       "needKind", "expectedAnnualTax", "createdAt", "lastInquiryAt", "updatedAt")
     VALUES ($1, $2, $3, '报表联系人', 'e2e', $4, $5, $6, $7, $8, 'FACTORY', 100, $9, $9, now())`,
    [
      leadId,
      uniquePhone(),
      `报表旅程${leadId.slice(-6)}有限公司`,
      spec.parkId,
      spec.ownerId,
      stageKey,
      changedAt,
      lostReasonKey ?? null,
      spec.created,
    ],
  );
  let from: string | null = null;
  for (const [to, when, reason] of spec.history) {
    await queryE2eDatabase(
      `INSERT INTO "StageChange" ("id", "leadId", "fromKey", "toKey", "changedAt", "lostReasonKey") VALUES ($1, $2, $3, $4, $5, $6)`,
      [id(), leadId, from, to, when, reason ?? null],
    );
    from = to;
  }
}

const funnelCell = (page: Page, stage: string, column: string) =>
  page
    .locator('[data-report-table="reports.tables.funnel"] tr', { has: page.locator("th", { hasText: stage }) })
    .locator(`td [data-column="${column}"]`);
const cohortCell = (page: Page, column: string) =>
  page.locator(`[data-report-table="reports.tables.funnelCohort"] [data-column="${column}"]`);

test("[MANAGER] changes the range and the filters, sees the figures change and exports a CSV; [STAFF] sees only their own", async ({
  page,
  browser,
}) => {
  const manager = await makeWorkspaceUser("MANAGER", "报表经理");
  const officerA = await makeWorkspaceUser("STAFF", "报表专员甲");
  const officerB = await makeWorkspaceUser("STAFF", "报表专员乙");
  const parkId = id();
  const parkName = `报表旅程园区${parkId.slice(-6)}`;
  await queryE2eDatabase(
    `INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description", "descriptionEn", "operatorName", "contactPhone", "updatedAt")
     VALUES ($1, $2, $3, $3, '平湖', 'Pinghu', '', '', '', '', '', '0573-00000000', now())`,
    [parkId, `reports-${parkId}`, parkName],
  );
  const thisMonth = shanghaiMonthStart(0);
  const lastMonth = shanghaiMonthStart(-1);
  const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
  // This month: A's lead reached site visit, B's lead was contacted. Last month: A's lead was lost from new.
  await makeLead({
    parkId,
    ownerId: officerA.id,
    created: at(thisMonth, 1),
    history: [
      ["new", at(thisMonth, 1)],
      ["contacted", at(thisMonth, 2)],
      ["site_visit", at(thisMonth, 3)],
    ],
  });
  await makeLead({
    parkId,
    ownerId: officerB.id,
    created: at(thisMonth, 1),
    history: [
      ["new", at(thisMonth, 1)],
      ["contacted", at(thisMonth, 2)],
    ],
  });
  await makeLead({
    parkId,
    ownerId: officerA.id,
    created: at(lastMonth, 600),
    history: [
      ["new", at(lastMonth, 600)],
      ["lost", at(lastMonth, 700), "price"],
    ],
  });

  await signIn(page, manager.email, manager.password);
  await followWorkspaceLink(page, "报表");
  await expect(page).toHaveURL(/\/crm\/reports$/);
  await expect(page.getByRole("heading", { level: 2, name: "转化漏斗" })).toBeVisible();

  // Narrowed to the run's park: this month's two leads, both contacted, one further.
  await page.getByLabel("园区").selectOption({ label: parkName });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`park=${parkId}`));
  await expect(funnelCell(page, "新线索", "reached")).toHaveText("2");
  await expect(funnelCell(page, "实地考察", "reached")).toHaveText("1");
  await expect(funnelCell(page, "已联系", "toNext")).toHaveText("50.0%");
  await expect(page.getByRole("img", { name: "各阶段到达线索数的漏斗图" })).toBeVisible();

  // Last month: the lost lead alone.
  await page.getByLabel("时间范围").selectOption({ label: "上月" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/range=last_month/);
  await expect(funnelCell(page, "新线索", "reached")).toHaveText("1");
  await expect(funnelCell(page, "已联系", "reached")).toHaveText("0");
  await expect(cohortCell(page, "lost")).toHaveText("1");
  // The loss tab keeps the filters.
  await page.getByRole("link", { name: "流失分析" }).click();
  await expect(page).toHaveURL(new RegExp(`tab=loss.*park=${parkId}`));
  const reasons = page.locator('[data-report-table="reports.tables.lossReasons"]');
  await expect(reasons.locator("tbody tr")).toHaveCount(1);
  await expect(reasons.locator("tbody tr th")).toHaveText("价格");
  await expect(reasons.locator('td [data-column="leads"]')).toHaveText("1");

  // Back to this month's funnel, narrowed to officer B.
  await page.getByRole("link", { name: "转化漏斗" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "转化漏斗" })).toBeVisible();
  await expect(page.getByLabel("时间范围")).toHaveValue("last_month");
  await page.getByLabel("时间范围").selectOption({ label: "本月" });
  await page.getByLabel("负责人").selectOption({ label: officerB.name });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(new RegExp(`tab=funnel.*owner=${officerB.id}`));
  await expect(funnelCell(page, "新线索", "reached")).toHaveText("1");
  await expect(funnelCell(page, "实地考察", "reached")).toHaveText("0");

  // This view of the funnel as CSV: Excel's BOM, the header in Chinese, officer B's rows, and an audit entry.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "将“转化漏斗”导出为 CSV 文件" }).click();
  const csv = (await readFile(await (await downloading).path())).toString("utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).split("\r\n");
  const columns = zhCN.reports.columns;
  expect(lines[1]).toBe(`${columns.stage},${columns.reached},${columns.toNext}（%）,${columns.overallRate}（%）`);
  expect(lines).toContain("新线索,1,100,100");
  expect(lines).toContain("已联系,1,0,100");
  const audited = await queryE2eDatabase<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEntry" WHERE "action" = 'report.export' AND "actorId" = $1`,
    [manager.id],
  );
  expect(Number(audited[0].n)).toBe(1);

  // Officer A sees only their own lead, whatever owner the URL names, and picks no owner.
  const staffContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const staff = await staffContext.newPage();
  await signIn(staff, officerA.email, officerA.password);
  await staff.goto(`/crm/reports?park=${parkId}&owner=${officerB.id}`);
  await expect(staff.getByText("仅显示我负责的线索的数据。")).toBeVisible();
  await expect(staff.getByLabel("负责人")).toHaveCount(0);
  await expect(funnelCell(staff, "新线索", "reached")).toHaveText("1");
  await expect(funnelCell(staff, "实地考察", "reached")).toHaveText("1");
  // A hand-edited link: the parameters that cannot be read are named and dropped, the rest still applies.
  await staff.goto(`/crm/reports?tab=nope&range=someday&park=${parkId}`);
  await expect(staff.getByText("以下筛选条件无效，已改用默认值：报表；时间范围")).toBeVisible();
  await expect(funnelCell(staff, "新线索", "reached")).toHaveText("1");
  await staffContext.close();
});
