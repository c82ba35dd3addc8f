import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { makeWorkspaceUser, signIn } from "../support/workspace";

/*
 * The workspace's frame on the two screens issue 12 was walked on: the navigation that folds into a
 * menu on a phone, the workspace's own not-found, the erase behind the lead's "more actions" menu, a
 * pipeline board that scrolls inside itself, and axe on each of these pages in both languages.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

/** Reads the workspace in `locale` from now on (the language switch's cookie) and reloads. */
async function readIn(page: Page, locale: "zh-CN" | "en") {
  await page.context().addCookies([{ name: "locale", value: locale, url: page.url() }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** Critical and serious WCAG 2.1 A/AA violations on the page as it is now, one line per element. */
async function blockingViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations
    .filter((violation) => violation.impact === "critical" || violation.impact === "serious")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} ${node.target.join(" ")}`));
}

/** axe in Chinese and then in English, leaving the page in Chinese again. */
async function checkBothLanguages(page: Page) {
  for (const locale of ["zh-CN", "en"] as const) {
    await readIn(page, locale);
    expect(await blockingViolations(page), `${page.url()} in ${locale}`).toEqual([]);
  }
  await readIn(page, "zh-CN");
}

/** The page never scrolls sideways: nothing on it is wider than the window. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBe(widths.window);
}

/** What makes two inputs look alike: size, border, corners, type and padding. */
async function inputLook(field: Locator) {
  return field.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      height: element.getBoundingClientRect().height,
      border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
      radius: style.borderTopLeftRadius,
      font: `${style.fontSize} ${style.fontFamily}`,
      padding: style.paddingLeft,
      background: style.backgroundColor,
    };
  });
}

async function leadFromInquiry(request: APIRequestContext) {
  const phone = uniquePhone();
  const company = `平湖框架${phone.slice(-6)}精密机械有限公司`;
  const created = await request.post("/api/inquiries", {
    data: {
      need: { deal: "buy", kind: "factory", area: 3000, areaUnit: "sqm" },
      use: "精密零件加工",
      expectedAnnualTax: 180,
      company,
      contactName: "陆经理",
      phone,
      consent: true,
    },
  });
  expect(created.status()).toBe(201);
  const [lead] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "Lead" WHERE "phone" = $1`, [phone]);
  return { id: lead.id, company };
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("[STAFF] opens the navigation menu and goes to the board, which scrolls inside itself", async ({ page }) => {
    const staff = await makeWorkspaceUser("STAFF", "框架专员");
    await signIn(page, staff.email, staff.password);

    // The row of links is folded away; the menu button opens them as a sheet.
    await expect(page.getByRole("banner").getByRole("link", { name: "看板", exact: true })).toBeHidden();
    await expectNoSidewaysScroll(page);
    await page.getByRole("button", { name: "菜单", exact: true }).click();
    const menu = page.getByRole("dialog", { name: "工作台导航" });
    await expect(menu.getByRole("link", { name: "工作台", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(menu.getByRole("link", { name: "用户与设置" })).toHaveCount(0);
    await menu.getByRole("link", { name: "看板", exact: true }).click();
    await expect(page).toHaveURL(/\/crm\/pipeline$/);
    await expect(menu).toBeHidden();

    const board = page.getByTestId("pipeline-board");
    await expect(board.locator("section[data-stage]").first()).toBeVisible();
    const scroll = await board.evaluate((element) => ({ inner: element.scrollWidth, shown: element.clientWidth }));
    expect(scroll.inner).toBeGreaterThan(scroll.shown);
    await expectNoSidewaysScroll(page);
    await checkBothLanguages(page);

    // In English the menu says so too.
    await readIn(page, "en");
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "Workspace navigation" })).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
    await readIn(page, "zh-CN");
  });

  test("[ADMIN] reaches the erase through the lead's more-actions menu, which asks for confirmation", async ({
    page,
    request,
  }) => {
    const lead = await leadFromInquiry(request);
    await signIn(page, admin.email, admin.password);
    await page.goto(`/crm/leads/${lead.id}`);
    await expect(page.getByRole("heading", { level: 1, name: lead.company })).toBeVisible();
    await expectNoSidewaysScroll(page);

    // Beside 归档 there is no erase button, only the menu.
    const care = page.getByTestId("lead-care-actions");
    await expect(care.getByRole("button", { name: "归档" })).toBeVisible();
    await expect(page.getByRole("button", { name: "删除个人信息（PIPL）" })).toHaveCount(0);
    await checkBothLanguages(page);

    await care.getByRole("button", { name: "更多操作" }).click();
    await page.getByRole("menuitem", { name: "删除个人信息（PIPL）" }).click();
    const dialog = page.getByRole("dialog", { name: "删除该线索的个人信息" });
    await expect(dialog).toBeVisible();
    expect(await blockingViolations(page)).toEqual([]);

    // Cancelling erases nothing and gives focus back to the menu button.
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
    await expect(care.getByRole("button", { name: "更多操作" })).toBeFocused();
    const untouched = await queryE2eDatabase<{ erased: boolean }>(
      `SELECT "erasedAt" IS NOT NULL AS "erased" FROM "Lead" WHERE "id" = $1`,
      [lead.id],
    );
    expect(untouched).toEqual([{ erased: false }]);

    await care.getByRole("button", { name: "更多操作" }).click();
    await page.getByRole("menuitem", { name: "删除个人信息（PIPL）" }).click();
    const submit = dialog.getByRole("button", { name: "永久删除个人信息" });
    await expect(submit).toBeDisabled();
    await dialog.getByLabel(`请输入公司名称「${lead.company}」以确认`).fill(lead.company);
    await dialog.getByLabel("删除原因").fill("客户来电要求删除");
    await submit.click();
    await expect(dialog).toBeHidden();
    await expect(care.getByText("个人信息已删除")).toBeVisible();
    await expect
      .poll(
        async () =>
          (
            await queryE2eDatabase<{ contactName: string; erased: boolean }>(
              `SELECT "contactName", "erasedAt" IS NOT NULL AS "erased" FROM "Lead" WHERE "id" = $1`,
              [lead.id],
            )
          )[0],
      )
      .toMatchObject({ erased: true });
    await expect(care.getByRole("button", { name: "更多操作" })).toHaveCount(0);
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: DESKTOP, isMobile: false, hasTouch: false });

  test("[STAFF] opening an admin page or an unknown path sees the workspace's not-found, with its navigation", async ({
    page,
  }) => {
    const staff = await makeWorkspaceUser("STAFF", "框架专员");
    await signIn(page, staff.email, staff.password);
    for (const path of ["/crm/settings", "/crm/audit", "/crm/no-such-page", "/crm/leads/a/b"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByTestId("workspace-not-found")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
      const navigation = page.getByRole("banner").getByRole("navigation");
      await expect(navigation.getByRole("link", { name: "线索", exact: true })).toBeVisible();
      await expect(navigation.getByRole("link", { name: "用户与设置" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "回到工作台" })).toHaveAttribute("href", "/crm");
    }
    await checkBothLanguages(page);
    await readIn(page, "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await readIn(page, "zh-CN");

    // The row of links takes the reader to a page that exists.
    await page.getByRole("banner").getByRole("link", { name: "线索", exact: true }).click();
    await expect(page).toHaveURL(/\/crm\/leads$/);
  });

  for (const width of [1280, 1440]) {
    test(`[STAFF] the board scrolls inside its container at ${width} px, never the page`, async ({ page }) => {
      await page.setViewportSize({ width, height: DESKTOP.height });
      const staff = await makeWorkspaceUser("STAFF", "框架专员");
      await signIn(page, staff.email, staff.password);
      await page.getByRole("banner").getByRole("link", { name: "看板", exact: true }).click();
      await expect(page).toHaveURL(/\/crm\/pipeline$/);
      const board = page.getByTestId("pipeline-board");
      await expect(board.locator("section[data-stage]").first()).toBeVisible();
      const box = (await board.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      // Taller than the window is scrolled inside the board too, so its sideways scrollbar stays in reach.
      expect(box.height).toBeLessThanOrEqual(DESKTOP.height);
      await expectNoSidewaysScroll(page);
      if (width === 1440) await checkBothLanguages(page);
    });
  }

  test("[ADMIN] the sign-in password and the listing form's date look like the inputs beside them", async ({
    page,
  }) => {
    await page.goto("/login");
    await checkBothLanguages(page);
    expect(await inputLook(page.getByLabel("密码"))).toEqual(await inputLook(page.getByLabel("邮箱")));
    await signIn(page, admin.email, admin.password);
    await page.goto("/crm/listings/new");
    const form = page.getByTestId("listing-form");
    expect(await inputLook(form.getByLabel("可入驻时间"))).toEqual(await inputLook(form.getByLabel("标题（中文）")));
  });

  test("[ADMIN] the lead page keeps the erase behind the menu on a wide screen too", async ({ page, request }) => {
    const lead = await leadFromInquiry(request);
    await signIn(page, admin.email, admin.password);
    await page.goto(`/crm/leads/${lead.id}`);
    const care = page.getByTestId("lead-care-actions");
    await expect(care.getByRole("button", { name: "归档" })).toBeVisible();
    await expect(page.getByRole("button", { name: "删除个人信息（PIPL）" })).toHaveCount(0);
    await care.getByRole("button", { name: "更多操作" }).click();
    await expect(page.getByRole("menuitem", { name: "删除个人信息（PIPL）" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toBeHidden();
    await expectNoSidewaysScroll(page);
    await checkBothLanguages(page);
  });
});
