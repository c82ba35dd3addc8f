import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { queryE2eDatabase } from "../support/database";
import { signIn } from "../support/workspace";

/*
 * The demo workspace the PostgreSQL server seeds with PARKLEAD_SEED_DEMO=1 (lib/demo/seed): its banner
 * on every workspace page, figures on the dashboard and in the reports, and the badge on a demo lead.
 * Nothing here removes the demo (the other journeys share the server); the removal is proven in
 * tests/integration/demo-workspace.test.ts.
 */

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

async function demoLeads() {
  return queryE2eDatabase<{ id: string; company: string }>(
    `SELECT "id", "company" FROM "Lead" WHERE "demo" AND "mergedIntoId" IS NULL ORDER BY "createdAt" DESC`,
  );
}

/** The banner passes axe on its own, whatever the page around it. */
async function expectBanner(page: Page) {
  const banner = page.getByTestId("demo-banner");
  await expect(banner).toContainText("演示数据");
  await expect(banner.getByRole("link", { name: "在设置中删除演示数据" })).toHaveAttribute(
    "href",
    "/crm/settings#demo-data",
  );
  const scan = await new AxeBuilder({ page }).include('[data-testid="demo-banner"]').analyze();
  expect(scan.violations.filter((violation) => ["critical", "serious"].includes(violation.impact ?? ""))).toEqual([]);
}

const funnelReached = (page: Page, stage: string) =>
  page
    .locator('[data-report-table="reports.tables.funnel"] tr', { has: page.locator("th", { hasText: stage }) })
    .locator('td [data-column="reached"]');

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("[ADMIN] sees the demo banner, demo figures on the dashboard and in the reports, and a demo lead's badge", async ({
      page,
    }) => {
      const leads = await demoLeads();
      expect(leads.length).toBeGreaterThanOrEqual(150);
      await signIn(page, admin.email, admin.password);
      await expectBanner(page);
      const dashboard = await page.getByRole("main").innerText();
      expect(leads.some((lead) => dashboard.includes(lead.company))).toBe(true);

      await page.goto("/crm/reports?range=this_year");
      await expectBanner(page);
      for (const stage of ["新线索", "签约"])
        expect(Number((await funnelReached(page, stage).first().innerText()).replace(/\D/g, ""))).toBeGreaterThan(0);

      const [newest] = leads;
      await page.goto(`/crm/leads?q=${encodeURIComponent(newest.company)}`);
      const row = page.locator(`[data-lead-id="${newest.id}"]`);
      await expect(row.getByTestId("demo-badge")).toHaveText("演示");
      await row.getByRole("link", { name: newest.company }).click();
      await expect(page).toHaveURL(new RegExp(`/crm/leads/${newest.id}$`));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(newest.company);
      await expect(page.getByRole("heading", { level: 1 }).getByTestId("demo-badge")).toHaveText("演示");

      await page.goto("/crm/settings");
      const section = page.getByRole("region", { name: "演示数据" });
      await expect(section.getByRole("button", { name: "删除演示数据" })).toBeVisible();
      expect(await queryE2eDatabase(`SELECT 1 FROM "OutboxEvent" WHERE "leadId" = $1`, [newest.id])).toEqual([]);
    });
  });
}
