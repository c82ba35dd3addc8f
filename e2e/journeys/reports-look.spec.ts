import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  blockingViolations,
  LOCALES,
  readerContext,
  signedInState,
  type Screen,
  type SignedInState,
} from "../support/accessibility";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { makeWorkspaceUser } from "../support/workspace";

/*
 * How the reports read on a phone and a desktop: a lead answered within minutes is charted in minutes
 * (label, bars and ticks), the trend table's headers are whole, wide tables scroll inside themselves
 * with the first column in view, and axe finds nothing critical or serious in either language. All on a
 * park of this run's own, so the demo data and the other journeys cannot move its figures.
 */

const id = () => `e2e${randomBytes(10).toString("hex")}`;
const SCREENS: Screen[] = ["desktop", "phone"];

let parkId = "";
let officerName = "";
let manager: SignedInState;

test.beforeAll(async ({ browser }, testInfo) => {
  const baseURL = String(testInfo.project.use.baseURL);
  const boss = await makeWorkspaceUser("MANAGER", "报表外观经理");
  const officer = await makeWorkspaceUser("STAFF", "报表外观专员");
  officerName = officer.name;
  parkId = id();
  await queryE2eDatabase(
    `INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description", "descriptionEn", "operatorName", "contactPhone", "updatedAt")
     VALUES ($1, $2, $3, $3, '平湖', 'Pinghu', '', '', '', '', '', '0573-00000000', now())`,
    [parkId, `reports-look-${parkId}`, `报表外观园区${parkId.slice(-6)}`],
  );
  // Arrived 20 minutes ago and answered 12 minutes after arriving: a response measured in minutes.
  const arrived = new Date(Date.now() - 20 * 60_000);
  await queryE2eDatabase(
    `INSERT INTO "Lead" ("id", "phone", "company", "contactName", "source", "parkId", "ownerId", "stageKey", "needKind",
       "expectedAnnualTax", "createdAt", "lastInquiryAt", "firstRespondedAt", "updatedAt")
     VALUES ($1, $2, $3, '外观联系人', 'listing', $4, $5, 'contacted', 'FACTORY', 100, $6, $6, $7, now())`,
    [
      id(),
      uniquePhone(),
      `报表外观${parkId.slice(-6)}有限公司`,
      parkId,
      officer.id,
      arrived,
      new Date(arrived.getTime() + 12 * 60_000),
    ],
  );
  manager = await signedInState(browser, { baseURL, email: boss.email, password: boss.password });
});

async function open(page: Page, tab: string) {
  await page.goto(`/crm/reports?tab=${tab}&park=${parkId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** The scrolling region of a report's table (components/ui/data-table.tsx). */
const tableRegion = (page: Page, key: string) => page.locator(`[data-report-table="${key}"] [role="region"]`);

const overflow = (region: Locator) =>
  region.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));

for (const screen of SCREENS) {
  test(`[MANAGER] sees a response of 12 minutes charted in minutes, ticks included, on a ${screen}`, async ({
    browser,
    baseURL,
  }) => {
    const context = await readerContext(browser, { baseURL: String(baseURL), locale: "zh-CN", screen, state: manager });
    const page = await context.newPage();
    await open(page, "speed");
    const chart = page.getByRole("img", { name: "各负责人首次响应时间的柱状图（单位：分钟）" });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute("data-duration-unit", "minutes");
    // The bar says its figure in the axis's unit, and the axis steps by whole minutes up past it.
    await expect(chart.getByText("12 分钟").first()).toBeVisible();
    const ticks = chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect(ticks).toHaveText(["0 分钟", "5 分钟", "10 分钟", "15 分钟"]);
    const owners = page.locator('[data-report-table="reportsSpeed.tables.responseByOwner"]');
    await expect(owners.locator("tbody tr", { hasText: officerName }).locator('[data-column="median"]')).toHaveText(
      "12 分钟",
    );
    await context.close();
  });
}

test("[MANAGER] reads every stage's name and figure beside the funnel on a phone, none on a band or another", async ({
  browser,
  baseURL,
}) => {
  const context = await readerContext(browser, {
    baseURL: String(baseURL),
    locale: "zh-CN",
    screen: "phone",
    state: manager,
  });
  const page = await context.newPage();
  await open(page, "funnel");
  const funnel = page.getByRole("img", { name: "各阶段到达线索数的漏斗图" });
  await expect(funnel).toBeVisible();
  const boxes = await funnel.locator("li").evaluateAll((stages) =>
    stages.flatMap((stage) =>
      [...stage.children].map((part) => {
        const { left, right, top, bottom } = part.getBoundingClientRect();
        return { text: part.textContent ?? "", left, right, top, bottom };
      }),
    ),
  );
  // New, contacted, and every later stage the lead never reached (0): a name, a band and a figure each.
  expect(boxes.length).toBeGreaterThanOrEqual(9);
  expect(boxes[0].text).toBe("新线索");
  const overlapping = boxes.flatMap((one, index) =>
    boxes
      .slice(index + 1)
      .filter((other) => one.left < other.right - 0.5 && other.left < one.right - 0.5)
      .filter((other) => one.top < other.bottom - 0.5 && other.top < one.bottom - 0.5)
      .map((other) => `${one.text || "band"} / ${other.text || "band"}`),
  );
  expect(overlapping).toEqual([]);
  await context.close();
});

test("[MANAGER] reads every header of the trend table whole on a 1440 px screen, without scrolling it", async ({
  browser,
  baseURL,
}) => {
  const context = await readerContext(browser, {
    baseURL: String(baseURL),
    locale: "zh-CN",
    screen: "desktop",
    state: manager,
  });
  const page = await context.newPage();
  await open(page, "trend");
  const region = tableRegion(page, "reportsConversion.tables.trend");
  await expect(region).toBeVisible();
  const { scroll, client } = await overflow(region);
  expect(scroll).toBeLessThanOrEqual(client);
  const headers = region.locator("thead th");
  await expect(headers).toHaveCount(9);
  const cut = await headers.evaluateAll((cells) =>
    cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
  );
  expect(cut).toEqual([]);
  const [frame, last] = await Promise.all([region.boundingBox(), headers.last().boundingBox()]);
  expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual((frame?.x ?? 0) + (frame?.width ?? 0) + 1);
  await context.close();
});

test("[MANAGER] scrolls a wide report table inside itself on a phone, its first column staying in view", async ({
  browser,
  baseURL,
}) => {
  const context = await readerContext(browser, {
    baseURL: String(baseURL),
    locale: "zh-CN",
    screen: "phone",
    state: manager,
  });
  const page = await context.newPage();
  await open(page, "trend");
  const region = tableRegion(page, "reportsConversion.tables.trend");
  const { scroll, client } = await overflow(region);
  expect(scroll).toBeGreaterThan(client);
  // The page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await region.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  const [frame, first, last] = await Promise.all([
    region.boundingBox(),
    region.locator("tbody tr:first-child > :first-child").boundingBox(),
    region.locator("thead th").last().boundingBox(),
  ]);
  expect(Math.abs((first?.x ?? -99) - (frame?.x ?? 0))).toBeLessThanOrEqual(2);
  expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual((frame?.x ?? 0) + (frame?.width ?? 0) + 2);
  await context.close();
});

for (const locale of LOCALES) {
  for (const screen of SCREENS) {
    test(`[MANAGER] the reports page has no critical or serious axe violation (${locale}, ${screen})`, async ({
      browser,
      baseURL,
    }) => {
      // Four tabs, each loaded and checked whole: more than one default test's time on a shared machine.
      test.setTimeout(150_000);
      const context = await readerContext(browser, { baseURL: String(baseURL), locale, screen, state: manager });
      const page = await context.newPage();
      const found: string[] = [];
      for (const tab of ["funnel", "conversion", "speed", "trend"]) {
        await open(page, tab);
        found.push(...(await blockingViolations(page, `${screen} ${tab}`)));
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
}
