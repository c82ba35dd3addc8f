import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { blockingViolations, SCREENS, type Screen } from "../support/accessibility";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { signIn } from "../support/workspace";

/*
 * The audit log as an admin reads it: a stage move made on the lead page comes back as one sentence,
 * in Chinese and in English, and the log narrows to one person and one day through the URL.
 */

/** An admin of this run with a name of their own, so the sentence can be read exactly. */
async function makeAdmin() {
  const stamp = `${Date.now()}-${randomBytes(3).toString("hex")}`;
  const admin = {
    id: `e2e${randomBytes(10).toString("hex")}`,
    email: `audit-admin-${stamp}@e2e.test`,
    name: `王芳${stamp.slice(-4)}`,
    password: `audit-admin-${stamp}`,
  };
  await queryE2eDatabase(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
     VALUES ($1, $2, $3, $4, 'ADMIN'::"Role", now())`,
    [admin.id, admin.email, admin.name, await hashPassword(admin.password)],
  );
  return admin;
}

async function leadFromInquiry(request: APIRequestContext) {
  const phone = uniquePhone();
  const company = `上海锐精${phone.slice(-6)}机械有限公司`;
  const created = await request.post("/api/inquiries", {
    data: {
      need: { deal: "rent", kind: "factory", area: 3000, areaUnit: "sqm" },
      use: "精密零件加工",
      expectedAnnualTax: 300,
      company,
      contactName: "周经理",
      phone,
      consent: true,
    },
  });
  expect(created.status()).toBe(201);
  const [lead] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "Lead" WHERE "phone" = $1`, [phone]);
  return { id: lead.id, company };
}

const shanghaiToday = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

async function expectNoBlockingViolations(page: Page, where: string) {
  expect(await blockingViolations(page, where)).toEqual([]);
}

for (const screen of ["desktop", "phone"] as Screen[]) {
  test.describe(`on a ${screen}`, () => {
    test.use(SCREENS[screen]);

    test(`[ADMIN] moves a lead to 实地考察 and reads it in the audit log as a sentence, filtered by person and day (${screen})`, async ({
      page,
      request,
      context,
      baseURL,
    }) => {
      const admin = await makeAdmin();
      const lead = await leadFromInquiry(request);
      await signIn(page, admin.email, admin.password);

      await page.goto(`/crm/leads/${lead.id}`);
      await page.getByLabel("阶段", { exact: true }).selectOption({ label: "实地考察" });
      await page.getByRole("button", { name: "确认移动" }).click();
      await expect(page.getByText(`已把 ${lead.company} 移到「实地考察」`)).toBeVisible();
      await expect
        .poll(async () => (await queryE2eDatabase(`SELECT "stageKey" FROM "Lead" WHERE "id" = $1`, [lead.id]))[0])
        .toEqual({ stageKey: "site_visit" });

      const sentence = `${admin.name} 把 ${lead.company} 从 新线索 移到 实地考察`;
      await page.goto("/crm/audit");
      await expect(page.getByRole("heading", { level: 1, name: "操作日志" })).toBeVisible();
      await expect(page.getByTestId("audit-entry").filter({ hasText: sentence })).toHaveCount(1);
      await expect(page.getByTestId("audit-entries")).not.toContainText(lead.id);
      await expectNoBlockingViolations(page, `/crm/audit zh-CN ${screen}`);

      // One person, one day: the form's empty fields do not stay in the URL.
      const today = shanghaiToday();
      await page.getByLabel("操作人").selectOption({ label: admin.name });
      await page.getByLabel("开始日期").fill(today);
      await page.getByLabel("结束日期").fill(today);
      await page.getByRole("button", { name: "筛选", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/crm/audit\\?actor=${admin.id}&from=${today}&to=${today}$`));
      await expect(page.getByTestId("audit-entry")).toHaveText([new RegExp(`${sentence}$`)]);

      // Another day has nothing by this person.
      await page.goto(`/crm/audit?actor=${admin.id}&to=2026-01-01`);
      await expect(page.getByText("没有符合条件的记录。")).toBeVisible();

      await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
      await page.goto(`/crm/audit?actor=${admin.id}`);
      await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
      await expect(page.getByTestId("audit-entry")).toHaveText([
        new RegExp(`${admin.name} moved ${lead.company} from New to Site visit$`),
      ]);
      await expectNoBlockingViolations(page, `/crm/audit en ${screen}`);
    });
  });
}
