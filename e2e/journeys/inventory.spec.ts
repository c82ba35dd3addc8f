import { expect, test, type Browser, type Page } from "@playwright/test";
import { formatDayTime } from "../../lib/i18n/format";
import { blockingViolations } from "../support/accessibility";
import { queryE2eDatabase } from "../support/database";
import { leadForListing, makeInventoryPark, unitRows } from "../support/inventory";
import { makeWorkspaceUser, signIn, type JourneyUser } from "../support/workspace";

/*
 * Issue 14's journey: an officer holds two units for a lead in the 租控表, another officer who tried the same
 * units at the same moment is told who holds them until when and then sees them held, the first officer signs
 * the lead with those units, and the public listing's free area drops by exactly their area.
 */

async function signedInPage(browser: Browser, user: JourneyUser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

/** A cell's expiry as the grid prints it ("12/13", Shanghai's calendar). */
const cellDay = (value: Date) =>
  new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric" }).format(value);

test("[STAFF] holds two units in the 租控表, a colleague is refused them, and signing frees the public area", async ({
  browser,
  page: publicPage,
}) => {
  const park = await makeInventoryPark();
  const officerA = await makeWorkspaceUser("STAFF", "租控专员甲");
  const officerB = await makeWorkspaceUser("STAFF", "租控专员乙");
  const leadA = await leadForListing(park.listingId, officerA.id, "平湖精工");
  const leadB = await leadForListing(park.listingId, officerB.id, "嘉善智造");
  const [u101, u102] = [park.units["101"], park.units["102"]];

  // The public page before: every unit is free.
  await publicPage.goto(`/listings/${park.listingId}`);
  await expect(publicPage.getByTestId("listing-availability")).toHaveText("可租售 3,000 m² / 3,000 m²");

  // Officer B opens the grid first and still sees 102 vacant when officer A holds it.
  const pageB = await signedInPage(browser, officerB);
  await pageB.goto(`/crm/inventory?park=${park.slug}`);
  const cellB = (id: string) => pageB.locator(`[role="gridcell"][data-unit="${id}"]`);
  await expect(cellB(u102.id)).toContainText("空置");

  // Officer A: multi-select (the tablet way), both cells, the lead, hold.
  const pageA = await signedInPage(browser, officerA);
  await pageA.goto(`/crm/inventory?park=${park.slug}`);
  await expect(pageA.getByRole("heading", { level: 1 })).toHaveText(`${park.name} 租控表`);
  await pageA.getByRole("button", { name: "多选" }).click();
  const cellA = (id: string) => pageA.locator(`[role="gridcell"][data-unit="${id}"]`);
  await cellA(u101.id).click();
  await cellA(u102.id).click();
  await expect(cellA(u101.id)).toHaveAttribute("aria-selected", "true");
  await expect(cellA(u102.id)).toHaveAttribute("aria-selected", "true");
  await pageA.getByLabel("搜索线索（公司、联系人或手机号）").fill(leadA.company);
  await pageA.getByRole("radio", { name: new RegExp(leadA.company) }).check();
  await pageA.getByRole("button", { name: "锁定 2 个单元" }).click();
  await expect(pageA.getByRole("status").filter({ hasText: `已为 ${leadA.company} 锁定 2 个单元，至` })).toBeVisible();
  await expect
    .poll(() => unitRows(park))
    .toMatchObject({
      "101": { status: "HELD", leadId: leadA.id, heldById: officerA.id },
      "102": { status: "HELD", leadId: leadA.id, heldById: officerA.id },
      "103": { status: "VACANT", leadId: null },
    });
  const [{ heldUntil }] = await queryE2eDatabase<{ heldUntil: Date }>(
    `SELECT "heldUntil" FROM "Unit" WHERE "id" = $1`,
    [u102.id],
  );

  // Officer B, on the page loaded before: holding 102 for their own lead is refused, naming who holds it until when.
  await cellB(u102.id).click();
  await pageB.getByRole("radio", { name: new RegExp(leadB.company) }).check();
  await pageB.getByRole("button", { name: "锁定 1 个单元" }).click();
  await expect(pageB.getByRole("alert").filter({ hasText: "本次没有锁定任何单元" })).toBeVisible();
  await expect(
    pageB.getByText(`5号楼 102：${officerA.name} 已为 ${leadA.company} 锁定至 ${formatDayTime(heldUntil, "zh-CN")}`),
  ).toBeVisible();
  expect((await unitRows(park))["102"]).toMatchObject({ status: "HELD", leadId: leadA.id });
  expect(await queryE2eDatabase(`SELECT 1 FROM "UnitHold" WHERE "leadId" = $1`, [leadB.id])).toHaveLength(0);

  // Read again, both cells say held, for whom, until when.
  await pageB.reload();
  for (const unit of [u101, u102]) {
    await expect(cellB(unit.id)).toContainText("意向锁定");
    await expect(cellB(unit.id)).toContainText(leadA.company);
    await expect(cellB(unit.id)).toContainText(`至 ${cellDay(heldUntil)}`);
  }
  await expect(cellB(park.units["103"].id)).toContainText("空置");

  // Officer A signs the lead on its page: the held units are listed, ticked, the area adds them up.
  await pageA.goto(`/crm/leads/${leadA.id}`);
  const panel = pageA.getByTestId("lead-units");
  await expect(panel.getByRole("heading", { name: "意向单元" })).toBeVisible();
  for (const label of ["5号楼 101", "5号楼 102"]) await expect(panel.getByText(label, { exact: true })).toBeVisible();
  await expect(panel.getByText(`锁定至 ${formatDayTime(heldUntil, "zh-CN")}`).first()).toBeVisible();
  await expect(panel.getByText(`锁定人 ${officerA.name}`).first()).toBeVisible();

  await pageA.getByLabel("阶段", { exact: true }).selectOption({ label: "签约" });
  const dialog = pageA.getByRole("dialog", { name: `把 ${leadA.company} 移到「签约」` });
  const units = dialog.getByRole("group", { name: "签约单元" });
  const tick101 = units.getByRole("checkbox", { name: /5号楼 101/ });
  const tick102 = units.getByRole("checkbox", { name: /5号楼 102/ });
  await expect(tick101).toBeChecked();
  await expect(tick102).toBeChecked();
  const area = dialog.getByLabel("签约面积");
  await expect(area).toHaveValue("2200");
  await tick102.uncheck();
  await expect(area).toHaveValue("1200");
  await tick102.check();
  await expect(area).toHaveValue("2200");
  await expect(dialog.getByLabel("面积单位")).toHaveValue("SQM");
  expect(await blockingViolations(pageA, "the sign dialog with held units")).toEqual([]);
  const price102 = dialog.getByLabel("5号楼 102 成交价（元/m²/月）");
  await expect(dialog.getByLabel("5号楼 101 成交价（元/m²/月）")).toHaveValue("28.00");
  await price102.fill("27.5");
  await dialog.getByLabel("预计年税收（万元）").fill("300");
  await dialog.getByRole("button", { name: "确认移动" }).click();
  await expect(pageA.getByText(`已把 ${leadA.company} 移到「签约」`)).toBeVisible();

  expect(await unitRows(park)).toMatchObject({
    "101": { status: "SIGNED", leadId: leadA.id, heldById: null, dealPrice: "28.00" },
    "102": { status: "SIGNED", leadId: leadA.id, heldById: null, dealPrice: "27.50" },
    "103": { status: "VACANT", leadId: null },
  });
  const [lead] = await queryE2eDatabase<{ stageKey: string; signedArea: string; signedAreaUnit: string }>(
    `SELECT "stageKey", "signedArea"::text AS "signedArea", "signedAreaUnit"::text AS "signedAreaUnit"
     FROM "Lead" WHERE "id" = $1`,
    [leadA.id],
  );
  expect(lead).toEqual({ stageKey: "signed", signedArea: "2200.00", signedAreaUnit: "SQM" });
  await expect(panel.locator(`[data-unit="${u101.id}"]`)).toContainText("已签约");

  // The public page: the free area dropped by exactly the two units' 2,200 m².
  await publicPage.reload();
  await expect(publicPage.getByTestId("listing-availability")).toHaveText("可租售 800 m² / 3,000 m²");
  await pageA.context().close();
  await pageB.context().close();
});

test("[STAFF] holds a unit from the lead page on a phone, renews it and releases it", async ({ page }) => {
  const park = await makeInventoryPark();
  const officer = await makeWorkspaceUser("STAFF", "租控专员丙");
  const lead = await leadForListing(park.listingId, officer.id, "海盐新材");
  const u101 = park.units["101"];
  await signIn(page, officer.email, officer.password);

  // In English first: the panel and its picker, axe clean with the picker open.
  const baseURL = test.info().project.use.baseURL!;
  await page.context().addCookies([{ name: "locale", value: "en", url: baseURL }]);
  await page.goto(`/crm/leads/${lead.id}`);
  await expect(page.getByRole("heading", { name: "Units" })).toBeVisible();
  await page.getByRole("button", { name: "Hold units" }).click();
  const english = page.getByRole("dialog", { name: `Hold units for ${lead.company}` });
  await expect(english.getByRole("group", { name: /^This lead's park: / }).getByRole("checkbox")).toHaveCount(3);
  expect(await blockingViolations(page, "the lead page's unit picker (en)")).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(english).toBeHidden();
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: baseURL }]);

  await page.goto(`/crm/leads/${lead.id}`);
  const panel = page.getByTestId("lead-units");
  await expect(panel).toContainText("还没有为该线索锁定单元。");

  await panel.getByRole("button", { name: "锁定单元" }).click();
  const picker = page.getByRole("dialog", { name: `为 ${lead.company} 锁定单元` });
  const ownPark = picker.getByRole("group", { name: `本园区：${park.name}` });
  await expect(ownPark.getByRole("checkbox")).toHaveCount(3);
  expect(await blockingViolations(page, "the lead page's unit picker")).toEqual([]);
  await picker.getByLabel("最小面积（m²）").fill("1000");
  await picker.getByLabel("最大面积（m²）").fill("900");
  await picker.getByRole("button", { name: "筛选" }).click();
  await expect(picker.getByText("不能小于 1000")).toBeVisible();
  await picker.getByLabel("最大面积（m²）").fill("1,200");
  await picker.getByRole("button", { name: "筛选" }).click();
  await expect(ownPark.getByRole("checkbox")).toHaveCount(2);
  await ownPark.getByRole("checkbox", { name: /5号楼 101/ }).check();
  await picker.getByRole("button", { name: "锁定所选（1 个）" }).click();
  await expect(picker).toBeHidden();
  await expect(page.getByText(/^已锁定 1 个单元，至 \d+月\d+日 \d\d:\d\d$/)).toBeVisible();
  await expect
    .poll(async () => (await unitRows(park))["101"])
    .toMatchObject({
      status: "HELD",
      leadId: lead.id,
      heldById: officer.id,
    });

  const item = panel.locator(`[data-unit="${u101.id}"]`);
  await expect(item).toContainText("意向锁定");
  await expect(item).toContainText(`锁定人 ${officer.name}`);
  await item.getByRole("button", { name: "续期 5号楼 101" }).click();
  await expect(item.getByText(/^5号楼 101 已续期至 /)).toBeVisible();
  const renewals = () =>
    queryE2eDatabase<{ renewals: number }>(
      `SELECT "renewals" FROM "UnitHold" WHERE "unitId" = $1 AND "endedAt" IS NULL`,
      [u101.id],
    );
  await expect.poll(renewals).toEqual([{ renewals: 1 }]);
  await expect(item).toContainText("已续期 1 次");

  await item.getByRole("button", { name: "释放 5号楼 101" }).click();
  const confirm = page.getByRole("dialog", { name: "释放 5号楼 101？" });
  await confirm.getByRole("button", { name: "确认释放" }).click();
  await expect(panel).toContainText("还没有为该线索锁定单元。");
  expect((await unitRows(park))["101"]).toMatchObject({ status: "VACANT", leadId: null, heldById: null });
  const [hold] = await queryE2eDatabase<{ endReason: string }>(
    `SELECT "endReason"::text AS "endReason" FROM "UnitHold" WHERE "unitId" = $1`,
    [u101.id],
  );
  expect(hold).toEqual({ endReason: "RELEASED" });
});

test("[ADMIN] sets how long a hold lasts on the settings page, and it is audited", async ({ page }) => {
  await signIn(page, process.env.E2E_ADMIN_EMAIL!, process.env.E2E_ADMIN_PASSWORD!);
  await page.goto("/crm/settings");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "单元锁定" }) });
  const days = section.getByLabel("锁定天数");
  await expect(days).toHaveValue("7");
  await days.fill("0");
  await section.getByRole("button", { name: "保存" }).click();
  await expect(section.getByText("不能小于 1")).toBeVisible();
  await days.fill("10");
  await section.getByRole("button", { name: "保存" }).click();
  await expect(section.getByText("已保存")).toBeVisible();
  const stored = async () =>
    (await queryE2eDatabase<{ value: unknown }>(`SELECT "value" FROM "Setting" WHERE "key" = 'inventory'`))[0]?.value;
  expect(await stored()).toMatchObject({ holdDays: 10, staffRenewals: 2, reminderHours: 24 });
  const audited = await queryE2eDatabase<{ before: string; after: string }>(
    `SELECT "details"->'before'->>'holdDays' AS "before", "details"->'after'->>'holdDays' AS "after"
     FROM "AuditEntry" WHERE "action" = 'settings.update' AND "entityId" = 'inventory' ORDER BY "createdAt" DESC LIMIT 1`,
  );
  expect(audited).toEqual([{ before: "7", after: "10" }]);

  // Back to the default, so the other journeys hold for 7 days.
  await days.fill("7");
  await section.getByRole("button", { name: "保存" }).click();
  await expect.poll(stored).toMatchObject({ holdDays: 7 });
});
