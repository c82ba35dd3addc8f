import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  blockingViolations,
  LOCALES,
  readerContext,
  SCREENS,
  type Locale,
  type Screen,
} from "../support/accessibility";

/*
 * The public site as a visitor meets it on a 390 px phone and a 1440 px desktop: light pages, kept by
 * the browser for back/forward, in the browser's language until the visitor picks one, with a header on
 * one row and form fields of sane heights.
 */

const baseUrlOf = (baseURL: string | undefined) => {
  if (!baseURL) throw new Error("the journeys need a baseURL");
  return baseURL;
};

interface BudgetReport {
  results: { path: string; total: number; budget: number }[];
}

/** scripts/js-budget.mjs on this server: the gzip size of every script each budgeted page loads. */
async function measureBudget(baseURL: string): Promise<BudgetReport> {
  const { stdout } = await promisify(execFile)(process.execPath, ["scripts/js-budget.mjs", baseURL, "--json"]);
  return JSON.parse(stdout) as BudgetReport;
}

/** A published listing's address, from the listings page. */
async function firstListingPath(baseURL: string): Promise<string> {
  const html = await (await fetch(new URL("/listings", baseURL))).text();
  const href = /href="(\/listings\/[^"?#/]+)"/.exec(html)?.[1];
  if (!href) throw new Error("no listing is published");
  return href;
}

async function open(browser: Browser, baseURL: string, screen: Screen, locale: Locale, path: string) {
  const context = await readerContext(browser, { baseURL, locale, screen });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test("[VISITOR] the home page, a listing and the inquiry page each stay within their compressed JavaScript budget", async ({
  baseURL,
}) => {
  const { results } = await measureBudget(baseUrlOf(baseURL));
  const report = results.map(({ path, total }) => `${path}: ${(total / 1024).toFixed(1)} KB`);
  console.log(`JavaScript per page (gzip): ${report.join(", ")}`);
  expect(results.map(({ path }) => path)).toEqual(["/", "/inquire", expect.stringMatching(/^\/listings\/\w+$/)]);
  for (const result of results) {
    expect(result.total, `${result.path} loads ${(result.total / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(
      result.budget,
    );
  }
});

test("[VISITOR] public pages may be kept by the browser; receipts, status pages and the workspace never", async ({
  request,
  baseURL,
}) => {
  const listing = await firstListingPath(baseUrlOf(baseURL));
  for (const path of ["/", "/listings", listing, "/privacy", "/inquire"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toBe("private, no-cache");
    const vary = response.headers()["vary"] ?? "";
    expect(vary, path).toContain("Accept-Language");
    expect(vary, path).toContain("Cookie");
  }
  for (const path of ["/login", "/crm", "/inquire/sent/PL-00000000-0000?status=nothing", "/inquire/status/x.y"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toContain("no-store");
  }
});

test("[VISITOR] an English browser gets English until the visitor picks Chinese with the switch", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ ...SCREENS.phone, baseURL, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /中文/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.goto("/listings");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await context.close();
});

for (const screen of ["phone", "desktop"] as const) {
  test.describe(`on a ${screen} (${SCREENS[screen].viewport.width}×${SCREENS[screen].viewport.height})`, () => {
    test("[VISITOR] the header is one row in both languages", async ({ browser, baseURL }) => {
      const heights: number[] = [];
      for (const locale of LOCALES) {
        const page = await open(browser, baseUrlOf(baseURL), screen, locale, "/");
        const header = page.locator(".site-header > .container");
        const box = (await header.boundingBox())!;
        // Every item of the header sits on the same row: its middle is within the header's single row.
        for (const item of await header.locator(":scope > *:not(.skip-link)").all()) {
          const itemBox = (await item.boundingBox())!;
          expect(itemBox.y + itemBox.height / 2, `${locale}: ${await item.textContent()}`).toBeCloseTo(
            box.y + box.height / 2,
            -1,
          );
        }
        heights.push(box.height);
        await page.context().close();
      }
      expect(heights[1], "the English header is as tall as the Chinese one").toBe(heights[0]);
      expect(heights[0]).toBeLessThanOrEqual(72);
    });

    test("[VISITOR] the home page's first picture loads at once, as its largest paint", async ({
      browser,
      baseURL,
    }) => {
      const page = await open(browser, baseUrlOf(baseURL), screen, "zh-CN", "/");
      const first = page.getByTestId("listing-card").first().locator("img");
      await expect(first).not.toHaveAttribute("loading", "lazy");
      await expect(first).toHaveAttribute("fetchpriority", "high");
      await page.context().close();
    });

    test("[VISITOR] the inquiry form's choice cards and contact fields keep their own heights", async ({
      browser,
      baseURL,
    }) => {
      const listing = await firstListingPath(baseUrlOf(baseURL));
      for (const path of ["/inquire", listing]) {
        const page = await open(browser, baseUrlOf(baseURL), screen, "zh-CN", path);
        const form = page.getByTestId("inquiry-form");
        const textHeight = await heightOf(page, form.getByLabel("公司名称"));
        for (const name of ["购买", "租赁", "厂房"]) {
          const card = form.locator("label.choice", { hasText: name });
          expect(await heightOf(page, card), `${path}: ${name}`).toBeLessThanOrEqual(textHeight + 2);
        }
        expect(await heightOf(page, form.getByLabel("联系人")), `${path}: 联系人`).toBe(
          await heightOf(page, form.getByLabel("手机号")),
        );
        await page.context().close();
      }
    });
  });
}

test("[VISITOR] going back to a listing shows it again without asking the server", async ({ browser, baseURL }) => {
  const listing = await firstListingPath(baseUrlOf(baseURL));
  const page = await open(browser, baseUrlOf(baseURL), "phone", "zh-CN", listing);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => Object.assign(window, { keptMarker: "still here" }));
  await page.goto("/privacy");
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${listing}$`));
  const restored = await page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      // The same document, scripts and all: the back-forward cache.
      bfcache: (window as { keptMarker?: string }).keptMarker === "still here",
      // Or at least the browser's copy, read without a request.
      fromHistoryCopy: navigation.type === "back_forward" && navigation.transferSize === 0,
    };
  });
  expect(restored.bfcache || restored.fromHistoryCopy, JSON.stringify(restored)).toBe(true);
  await page.context().close();
});

for (const screen of ["phone", "desktop"] as const) {
  for (const locale of LOCALES) {
    test(`[VISITOR] the home, inquiry and privacy pages have no critical or serious axe violation (${locale}, ${screen})`, async ({
      browser,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const found: string[] = [];
      for (const path of ["/", "/inquire", "/privacy"]) {
        const page = await open(browser, baseUrlOf(baseURL), screen, locale, path);
        found.push(...(await blockingViolations(page, `${path} [${locale}, ${screen}]`)));
        await page.context().close();
      }
      expect(found).toEqual([]);
    });
  }
}

async function heightOf(page: Page, locator: ReturnType<Page["locator"]>): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not on screen at ${page.url()}`);
  return Math.round(box.height);
}
