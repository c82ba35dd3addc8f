import { expect, test } from "@playwright/test";
import pg from "pg";
import { queryE2eDatabase, uniquePhone } from "../support/database";

async function fillValidInquiry(page: import("@playwright/test").Page, phone: string, company: string) {
  const form = page.getByTestId("inquiry-form");
  await form.getByRole("radio", { name: "购买" }).check();
  await form.getByRole("radio", { name: "工业用地" }).check();
  await form.getByLabel("需求面积").fill("50");
  await form.getByLabel("面积单位").selectOption("mu");
  await form.getByLabel("用途").fill("新材料：高性能复合材料生产");
  await form.getByLabel("预计年税收（万元）").fill("1500");
  await form.getByLabel("公司名称").fill(company);
  await form.getByLabel("联系人").fill("赵总");
  await form.getByLabel("手机号").fill(phone);
  await form.getByRole("checkbox").check();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[INVESTOR] the form still validates on the server, keeps what was typed, and sends", async ({ page }) => {
    await page.goto("/inquire");
    const phone = uniquePhone();
    await fillValidInquiry(page, "138", "无脚本测试材料有限公司");
    await page.waitForTimeout(600); // the journeys' server holds back forms sent within 500 ms
    await page.getByRole("button", { name: "提交需求" }).click();

    const form = page.getByTestId("inquiry-form");
    await expect(form.getByText("请输入 11 位中国大陆手机号（可带 +86）")).toBeVisible();
    await expect(form.getByLabel("公司名称")).toHaveValue("无脚本测试材料有限公司");
    await expect(form.getByLabel("面积单位")).toHaveValue("mu");

    await form.getByLabel("手机号").fill(phone);
    await form.getByRole("checkbox").check();
    await page.getByRole("button", { name: "提交需求" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("需求已收到");
    const rows = await queryE2eDatabase<{ needAreaUnit: string; needArea: string }>(
      `SELECT "needAreaUnit"::text, "needArea"::text FROM "Inquiry" WHERE "phone" = $1`,
      [phone],
    );
    expect(rows).toEqual([{ needAreaUnit: "MU", needArea: "50.00" }]);
  });
});

test("[INVESTOR] while the database is down the form says so and keeps the input; sent again later, it is stored once", async ({
  page,
}) => {
  const url = new URL(process.env.E2E_DATABASE_URL!);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const phone = uniquePhone();
  try {
    await page.goto("/inquire");
    await fillValidInquiry(page, phone, "断库测试新材料有限公司");
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
    await page.getByRole("button", { name: "提交需求" }).click();
    await expect(page.getByTestId("form-alert")).toContainText("系统暂时无法保存您的需求");
    await expect(page.getByTestId("inquiry-form").getByLabel("公司名称")).toHaveValue("断库测试新材料有限公司");
    // The machine doors say so too: 503 with the reason and when to retry, never a 500.
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(health.headers()["retry-after"]).toMatch(/^\d+$/);
    const api = await page.request.post("/api/inquiries", {
      data: {
        need: { deal: "buy", kind: "land", area: 50, areaUnit: "mu", timeline: "6m" },
        use: "新材料：高性能复合材料生产",
        expectedAnnualTax: 1500,
        company: "断库测试新材料有限公司",
        contactName: "赵总",
        phone: uniquePhone(),
        consent: true,
      },
    });
    expect(api.status()).toBe(503);
    expect(await api.json()).toMatchObject({
      error: "database_unavailable",
      message: expect.stringContaining("数据库暂时不可用"),
    });
    // A page: the first to meet the outage may still be a 500, but it says why; the next ones are
    // answered 503 by proxy.ts at once, until the database is back.
    const viewer = await page.context().newPage();
    await viewer.goto("/listings");
    await expect(viewer.getByRole("heading", { level: 1 })).toContainText("数据库暂时不可用");
    const listings = await page.request.get("/listings");
    expect(listings.status()).toBe(503);
    expect(listings.headers()["retry-after"]).toBe("5");
    expect(await listings.text()).toContain("The database is temporarily unavailable");

    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await expect.poll(async () => (await page.request.get("/listings")).status(), { timeout: 10_000 }).toBe(200);
    await viewer.reload();
    await expect(viewer.getByRole("heading", { level: 1 })).not.toContainText("数据库暂时不可用");
    await page.getByRole("button", { name: "提交需求" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("需求已收到");
  } finally {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  const rows = await queryE2eDatabase<{ count: string }>(`SELECT count(*)::text FROM "Inquiry" WHERE "phone" = $1`, [
    phone,
  ]);
  expect(rows).toEqual([{ count: "1" }]);
});
