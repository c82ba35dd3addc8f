import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { makeWorkspaceUser, signIn, type JourneyUser } from "../support/workspace";

/*
 * The inbox and the dashboard as an officer reads them on a desktop and a phone: stored codes
 * (`listing`, `direct`) appear as words on the page and in the CSV, the table scrolls inside itself
 * and never the page, a hidden column stays hidden after a reload (already in the server's HTML),
 * the dashboard lists a pool lead to claim, and axe finds nothing critical or serious in either language.
 */

const SCREENS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function insertLead(fields: { company: string; ownerId: string | null; createdAt?: string }) {
  const phone = uniquePhone();
  const [lead] = await queryE2eDatabase<{ id: string }>(
    `INSERT INTO "Lead" ("id", "phone", "company", "contactName", "source", "firstUtmMedium", "ownerId",
       "createdAt", "updatedAt")
     VALUES ('e2e' || md5(random()::text), $1, $2, '孙女士', 'listing', NULL, $3, COALESCE($4::timestamptz, now()), now())
     RETURNING "id"`,
    [phone, fields.company, fields.ownerId, fields.createdAt ?? null],
  );
  return lead.id;
}

async function blockingViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** No sideways scroll of the page itself: whatever is wide scrolls inside its own box. */
async function pageScrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

for (const [screen, viewport] of Object.entries(SCREENS)) {
  test.describe(`on a ${screen} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });
    let staff: JourneyUser;

    test.beforeEach(async () => {
      staff = await makeWorkspaceUser("STAFF", "收件箱专员");
    });

    test(`[STAFF] reads 房源页 and 直接访问 in the inbox and its CSV; the table scrolls inside; a hidden column stays hidden`, async ({
      page,
    }) => {
      const company = `收件箱词汇测试${Date.now() % 1_000_000}有限公司`;
      const leadId = await insertLead({ company, ownerId: staff.id });
      await signIn(page, staff.email, staff.password);
      await page.goto("/crm/leads?owner=mine");

      const row = page.locator(`tr[data-row-id="${leadId}"]`);
      await expect(row).toContainText(company);
      await expect(row).toContainText("房源页");
      await expect(row).toContainText("直接访问");
      await expect(row).not.toContainText("listing");
      await expect(row).not.toContainText("direct");

      // The table fits: the page never scrolls sideways; on a phone the table scrolls within its region.
      const region = page.getByRole("region", { name: "线索列表" });
      expect(await pageScrollsSideways(page)).toBe(false);
      if (screen === "desktop") {
        // The narrowest desktop the workspace is made for: still no sideways scroll of the page.
        await page.setViewportSize({ width: 1280, height: 800 });
        expect(await pageScrollsSideways(page)).toBe(false);
        await page.setViewportSize(viewport);
      }
      if (screen === "phone") {
        expect(await region.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
        await row.scrollIntoViewIfNeeded();
        await region.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
        expect(await pageScrollsSideways(page)).toBe(false);
        // The company column stays in view while the rest scrolls under it.
        await expect(row.getByRole("link", { name: company })).toBeInViewport();
      }

      // The CSV says the same words.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "导出 CSV" }).click(),
      ]);
      const csv = await readFile((await download.path())!, "utf8");
      const line = csv.split("\r\n").find((text) => text.includes(company));
      expect(line).toContain(",房源页,直接访问,");

      // Hide a column; after a reload it is still hidden, already in the HTML the server sends.
      const header = page.getByRole("columnheader", { name: "预计年税收（万元）" });
      await expect(header).toBeVisible();
      await page.getByRole("button", { name: "显示列" }).click();
      await page.getByRole("menuitemcheckbox", { name: "预计年税收（万元）" }).click();
      await page.keyboard.press("Escape");
      await expect(header).toHaveCount(0);
      await page.reload();
      await expect(row).toContainText("房源页");
      await expect(page.getByRole("columnheader", { name: "预计年税收（万元）" })).toHaveCount(0);
      const html = await (await page.request.get("/crm/leads?owner=mine")).text();
      expect(html).not.toMatch(/<th[^>]*>预计年税收（万元）/);
      expect(html).toMatch(/<th[^>]*>来源/);

      expect(await blockingViolations(page)).toEqual([]);
    });

    test(`[STAFF] sees a 公海 lead on the dashboard, with who takes turns, and claims it`, async ({ page }) => {
      const company = `公海看板测试${Date.now() % 1_000_000}有限公司`;
      // Older than anything else in the pool, so it is among the few the dashboard lists.
      const leadId = await insertLead({ company, ownerId: null, createdAt: "2020-01-01T00:00:00Z" });
      await signIn(page, staff.email, staff.password);

      const pool = page.locator('section[data-section="pool"]');
      await expect(pool.getByRole("heading", { level: 2 })).toContainText("公海");
      await expect(pool.getByRole("link", { name: company })).toBeVisible();
      const duty = page.locator('section[data-section="on-duty"]');
      await expect(duty).toContainText("您在岗，正在轮流分配中");
      await expect(duty.getByRole("listitem").filter({ hasText: staff.name })).toBeVisible();
      expect(await pageScrollsSideways(page)).toBe(false);
      expect(await blockingViolations(page)).toEqual([]);

      await pool.getByRole("button", { name: `领取 ${company}` }).click();
      await expect(pool.getByRole("link", { name: company })).toHaveCount(0);
      expect(await queryE2eDatabase(`SELECT "ownerId" FROM "Lead" WHERE "id" = $1`, [leadId])).toEqual([
        { ownerId: staff.id },
      ]);
    });
  });
}

test.describe("in English", () => {
  test.use({ viewport: SCREENS.desktop });

  test("[MANAGER] reads the inbox and the dashboard's pool in English, with no blocking axe violation", async ({
    page,
    context,
    baseURL,
  }) => {
    const manager = await makeWorkspaceUser("MANAGER", "英文经理");
    const company = `English pool ${Date.now() % 1_000_000} Ltd`;
    const leadId = await insertLead({ company, ownerId: null, createdAt: "2020-01-01T00:00:00Z" });
    await signIn(page, manager.email, manager.password);
    await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);

    await page.goto("/crm");
    const pool = page.locator('section[data-section="pool"]');
    await expect(pool.getByRole("heading", { level: 2 })).toContainText("Pool");
    await expect(pool.getByRole("link", { name: company })).toBeVisible();
    // Managers assign; round-robin never gives them leads, and the page says so.
    await expect(page.locator('section[data-section="on-duty"]')).toContainText("Round-robin gives leads to officers");
    expect(await blockingViolations(page)).toEqual([]);

    // The oldest pool leads first: this one was received in 2020.
    await page.goto("/crm/leads?owner=unassigned&dir=asc");
    const row = page.locator(`tr[data-row-id="${leadId}"]`);
    await expect(row).toContainText("Listing page");
    await expect(row).toContainText("Direct");
    await expect(row).toContainText("Pool");
    expect(await blockingViolations(page)).toEqual([]);
  });
});
