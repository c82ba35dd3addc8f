import { expect, test, type Browser, type Page } from "@playwright/test";
import { blockingViolations, LOCALES, readerContext } from "../support/accessibility";
import { randomBytes } from "node:crypto";
import { queryE2eDatabase } from "../support/database";
import { makeInventoryPark, type InventoryPark } from "../support/inventory";
import { makeWorkspaceUser, signIn, type JourneyUser } from "../support/workspace";

/*
 * The 租控表 by keyboard and on paper: arrow keys walk the cells of a building, Enter, Ctrl+Space and Shift+Space
 * select, Escape clears; the filter form leaves only the filters in use in the address; the floor price reaches
 * a manager's side panel and never an officer's; the page has no serious accessibility fault in either language;
 * printed, it is the board alone.
 */

async function signedInPage(browser: Browser, user: JourneyUser, locale: "zh-CN" | "en" = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: "Asia/Shanghai" });
  await context.addCookies([{ name: "locale", value: locale, url: test.info().project.use.baseURL! }]);
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  return page;
}

const cell = (page: Page, park: InventoryPark, number: string) =>
  page.locator(`[role="gridcell"][data-unit="${park.units[number].id}"]`);

test("[STAFF] walks and selects the 租控表's cells with the keyboard, and filters it through the address", async ({
  browser,
}) => {
  const park = await makeInventoryPark();
  const officer = await makeWorkspaceUser("STAFF", "租控键盘专员");
  const page = await signedInPage(browser, officer);
  await page.goto(`/crm/inventory?park=${park.slug}`);
  const grid = page.getByRole("grid", { name: `${park.buildingName} 单元格` });
  await expect(grid.getByRole("gridcell")).toHaveCount(3);

  // One tab stop per building: the first cell; the others wait for the arrow keys.
  await expect(cell(page, park, "101")).toHaveAttribute("tabindex", "0");
  await expect(cell(page, park, "102")).toHaveAttribute("tabindex", "-1");
  await cell(page, park, "101").focus();
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, park, "102")).toBeFocused();
  await page.keyboard.press("End");
  await expect(cell(page, park, "103")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(cell(page, park, "101")).toBeFocused();

  // Enter selects one; Ctrl+Space adds another; Shift+Space takes the run from the first.
  await page.keyboard.press("Enter");
  await expect(cell(page, park, "101")).toHaveAttribute("aria-selected", "true");
  const panel = page.getByRole("complementary", { name: "已选单元" });
  await expect(panel).toContainText(`${park.buildingName} 101`);
  await expect(panel).toContainText("1,200 m²");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+Space");
  await expect(panel).toContainText("已选 2 个单元");
  await expect(cell(page, park, "102")).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Shift+Space");
  await expect(panel).toContainText("已选 3 个单元");
  await expect(panel.getByRole("button", { name: "锁定 3 个单元" })).toBeVisible();
  // The floor price is not an officer's to see.
  await expect(panel).not.toContainText("底价");
  await page.keyboard.press("Escape");
  await expect(page.locator('[role="gridcell"][aria-selected="true"]')).toHaveCount(0);

  // Filters: the address keeps only those in use, and the grid shows the units that fit.
  await page.getByLabel("单元面积（m²） 最小").fill("900");
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`/crm/inventory\\?park=${park.slug}&minArea=900$`));
  await expect(grid.getByRole("gridcell")).toHaveCount(2);
  await expect(cell(page, park, "103")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "已签约" }).check();
  await page.getByRole("button", { name: "应用筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`minArea=900&status=SIGNED$`));
  await expect(page.getByText("没有符合筛选条件的单元。")).toBeVisible();
});

test("[MANAGER] sees the floor price in the side panel", async ({ browser }) => {
  const park = await makeInventoryPark();
  const manager = await makeWorkspaceUser("MANAGER", "租控负责人");
  const page = await signedInPage(browser, manager);
  await page.goto(`/crm/inventory?park=${park.slug}`);
  await cell(page, park, "102").click();
  const panel = page.getByRole("complementary", { name: "已选单元" });
  await expect(panel).toContainText("挂牌价 28 元/m²/月");
  await expect(panel).toContainText("底价 24 元/m²/月");
});

test("[STAFF] the 租控表 has no serious accessibility fault in either language, and prints as the board alone", async ({
  browser,
}) => {
  const park = await makeInventoryPark();
  const officer = await makeWorkspaceUser("STAFF", "租控无障碍专员");
  const signedIn = await signedInPage(browser, officer);
  const state = await signedIn.context().storageState();
  for (const locale of LOCALES) {
    const context = await readerContext(browser, {
      baseURL: test.info().project.use.baseURL!,
      locale,
      screen: "desktop",
      state,
    });
    const page = await context.newPage();
    await page.goto(`/crm/inventory?park=${park.slug}`);
    await cell(page, park, "101").click();
    expect(await blockingViolations(page, `/crm/inventory (${locale})`)).toEqual([]);
    await context.close();
  }

  await signedIn.goto(`/crm/inventory?park=${park.slug}`);
  await signedIn.emulateMedia({ media: "print" });
  await expect(signedIn.locator(".site-header")).toBeHidden();
  await expect(signedIn.getByRole("search")).toBeHidden();
  await expect(signedIn.getByRole("complementary")).toBeHidden();
  await expect(signedIn.getByRole("heading", { name: "全园合计" })).toBeVisible();
  await expect(signedIn.getByRole("list", { name: "图例" })).toBeVisible();
  await expect(cell(signedIn, park, "103")).toBeVisible();
});

/**
 * A park larger than the cells the page renders: 1号楼 of 160 floors × 10 units (1,600 cells, more than the page's
 * budget of about 1,500, so it alone is rendered with the page) and then 2号楼, 3号楼 and 4号楼 of two units each,
 * whose cells the browser fetches and mounts.
 */
async function makeLargePark(): Promise<string> {
  const stamp = randomBytes(3).toString("hex");
  const slug = `e2e-large-${stamp}`;
  await queryE2eDatabase(
    `INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description",
       "descriptionEn", "operatorName", "contactPhone", "updatedAt")
     VALUES ($1, $2, $3, $4, '平湖', 'Pinghu', '新华北路 2 号', '2 Xinhua N Rd', '大园区', 'A large park',
       '测试运营', '0573-85000000', now())`,
    [`e2elarge${stamp}`, slug, `大园区${stamp}`, `Large park ${stamp}`],
  );
  await queryE2eDatabase(
    `INSERT INTO "Building" ("id", "parkId", "name", "kind", "storeys", "position", "updatedAt")
     SELECT 'e2elarge' || $1 || '_' || b, 'e2elarge' || $1, b || '号楼', 'FACTORY', CASE WHEN b = 1 THEN 160 ELSE 1 END,
       b, now()
     FROM generate_series(1, 4) b`,
    [stamp],
  );
  await queryE2eDatabase(
    `INSERT INTO "Unit" ("id", "buildingId", "parkId", "floor", "number", "area", "areaUnit", "areaSqm", "updatedAt")
     SELECT 'e2elarge' || $1 || '_' || b || '_' || f || '_' || n, 'e2elarge' || $1 || '_' || b, 'e2elarge' || $1, f,
       f || lpad(n::text, 2, '0'), 300, 'SQM', 300, now()
     FROM generate_series(1, 4) b, generate_series(1, 160) f, generate_series(1, 10) n
     WHERE b = 1 OR (f = 1 AND n <= 2)`,
    [stamp],
  );
  return slug;
}

test("[STAFF] a large park's later buildings mount their cells near the screen, by keyboard, and for printing", async ({
  browser,
}) => {
  const slug = await makeLargePark();
  const officer = await makeWorkspaceUser("STAFF", "租控大园区专员");
  const page = await signedInPage(browser, officer);
  const grid = (building: string) => page.getByRole("grid", { name: `${building} 单元格` });
  // The page, then the later buildings' cells the browser fetches once it runs.
  const open = async () => {
    const fetched = page.waitForResponse((response) => response.url().includes("/crm/inventory/cells?"));
    await page.goto(`/crm/inventory?park=${slug}`);
    expect((await fetched).status()).toBe(200);
  };
  await open();
  await expect(grid("1号楼").getByRole("gridcell")).toHaveCount(1600);
  // Far below the first building, the others stand as blocks without cells until they are needed.
  for (const building of ["2号楼", "3号楼", "4号楼"]) {
    await expect(grid(building)).toHaveAttribute("aria-busy", "true");
    await expect(grid(building).getByRole("gridcell")).toHaveCount(0);
  }
  expect(await blockingViolations(page, "/crm/inventory (a large park)")).toEqual([]);
  // The keyboard reaching a block mounts its cells and its first cell takes the focus.
  await grid("4号楼").focus();
  await expect(grid("4号楼").getByRole("gridcell", { name: /^101/ })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(grid("4号楼").getByRole("gridcell", { name: /^102/ })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("complementary")).toContainText("4号楼 102");

  // Scrolled near, a block mounts its cells.
  await open();
  await expect(grid("2号楼").getByRole("gridcell")).toHaveCount(0);
  await grid("2号楼").scrollIntoViewIfNeeded();
  await expect(grid("2号楼").getByRole("gridcell")).toHaveCount(2);

  // Printed, every building shows every unit.
  await open();
  await expect(grid("3号楼")).toHaveAttribute("aria-busy", "true");
  await page.emulateMedia({ media: "print" });
  for (const building of ["2号楼", "3号楼", "4号楼"]) await expect(grid(building).getByRole("gridcell")).toHaveCount(2);
  await expect(page.locator('[role="grid"][aria-busy="true"]')).toHaveCount(0);
});
