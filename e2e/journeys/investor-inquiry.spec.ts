import { expect, test } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";

test("[INVESTOR] on a phone, filters the catalogue, opens a listing, corrects the form and sends an inquiry", async ({
  page,
}) => {
  await page.goto("/listings");
  const total = Number((await page.getByTestId("listing-count").textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThanOrEqual(12);

  await page.locator("summary", { hasText: "筛选" }).click();
  const filters = page.getByRole("search");
  await filters.getByLabel("园区").selectOption({ label: "张江长三角科技城平湖园" });
  await filters.getByLabel("类型").selectOption("FACTORY");
  await filters.getByLabel("租售").selectOption("SALE");
  await filters.getByLabel("面积 (m²) 最低").fill("2000");
  await filters.getByLabel("排序").selectOption("area_asc");
  await filters.getByRole("button", { name: "查看结果" }).click();

  await expect(page).toHaveURL(/kind=FACTORY/);
  const cards = page.getByTestId("listing-card");
  await expect(cards.first()).toContainText("科创智谷 A3 栋");
  const shown = await cards.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(total);
  for (const card of await cards.all()) await expect(card).toContainText("出售");

  await cards.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("科创智谷 A3 栋 独栋三层厂房");
  await expect(page.getByTestId("listing-specs")).toContainText("50 年");
  const listingId = page.url().split("/").pop()!;

  const form = page.getByTestId("inquiry-form");
  await expect(form.getByRole("radio", { name: "购买" })).toBeChecked();
  const consent = form.getByRole("checkbox");
  await expect(consent).not.toBeChecked();
  await expect(form.getByRole("link", { name: "阅读隐私声明" })).toHaveAttribute("href", "/privacy");

  // Mistakes first: a non-number area, a short phone, no company, no consent.
  await form.getByLabel("需求面积").fill("两千");
  await form.getByLabel("用途").fill("智能制造：工业机器人关节减速器的研发与生产");
  await form.getByLabel("预计年税收（万元）").fill("260");
  await form.getByLabel("联系人").fill("张经理");
  await form.getByLabel("手机号").fill("1381234");
  await form.getByRole("button", { name: "提交需求" }).click();

  await expect(page.getByTestId("form-alert")).toContainText("处需要修改");
  await expect(form.getByText("请输入数字")).toBeVisible();
  await expect(form.getByText("请输入 11 位中国大陆手机号（可带 +86）")).toBeVisible();
  await expect(form.getByText("请填写此项")).toBeVisible();
  await expect(form.getByText("请阅读并勾选同意隐私声明")).toBeVisible();
  await expect(form.getByLabel("手机号")).toHaveAttribute("aria-invalid", "true");

  const phone = uniquePhone();
  await form.getByLabel("需求面积").fill("2400");
  await form.getByLabel("公司名称").fill("上海精工机器人有限公司");
  await form.getByLabel("手机号").fill(`+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
  await consent.check();
  await expect(form.getByText("请输入数字")).toBeHidden();
  // A double click must still store one inquiry.
  await form.getByRole("button", { name: "提交需求" }).dblclick();

  await expect(page).toHaveURL(/\/inquire\/sent\/PL-\d{6}-[0-9A-Z]{5}\?status=[\w-]+\.[\w-]{32}$/);
  const reference = (await page.getByTestId("inquiry-reference").textContent())!.trim();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("需求已收到");

  const rows = await queryE2eDatabase<{
    reference: string;
    listingId: string;
    listingPrice: string;
    company: string;
    locale: string;
    stageKey: string;
    needArea: string;
  }>(
    `SELECT i."reference", i."listingId", i."listingPrice"::text, i."company", i."locale", l."stageKey", i."needArea"::text
       FROM "Inquiry" i JOIN "Lead" l ON l."id" = i."leadId" WHERE i."phone" = $1`,
    [phone],
  );
  expect(rows).toEqual([
    {
      reference,
      listingId,
      listingPrice: "5800.00",
      company: "上海精工机器人有限公司",
      locale: "zh-CN",
      stageKey: "new",
      needArea: "2400.00",
    },
  ]);
});

test("[INVESTOR] in English, sends a general inquiry from “Tell us your need”", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Tell us your need" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tell us your need");

  const form = page.getByTestId("inquiry-form");
  await form.getByRole("radio", { name: "Rent" }).check();
  await form.getByRole("radio", { name: "R&D office" }).check();
  await form.getByLabel("Area wanted").fill("600");
  await form.getByLabel(/^Use/).fill("Software R&D centre for industrial automation");
  await form.getByLabel("Expected annual tax (RMB 10k)").fill("80");
  await form.getByLabel("Company").fill("Nordic Automation (Shanghai) Co., Ltd.");
  await form.getByLabel("Contact person").fill("Anna Berg");
  const phone = uniquePhone();
  await form.getByLabel("Mobile phone").fill(phone);
  await form.getByText("More (optional)").click();
  await form.getByLabel("Email").fill("anna@");
  await form.getByRole("button", { name: "Send" }).click();

  await expect(form.getByText("Enter a valid email address")).toBeVisible();
  await expect(form.getByText("Please read and accept the privacy notice")).toBeVisible();
  await expect(page.getByTestId("form-alert")).toContainText("2 fields need attention");

  await form.getByLabel("Email").fill("anna@nordic-automation.example");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "Send" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We have your inquiry");
  const reference = (await page.getByTestId("inquiry-reference").textContent())!.trim();
  const rows = await queryE2eDatabase<{
    reference: string;
    listingId: string | null;
    locale: string;
    email: string;
    needDeal: string;
    needKind: string;
    sourcePage: string;
  }>(
    `SELECT "reference", "listingId", "locale", "email", "needDeal"::text, "needKind"::text, "sourcePage" FROM "Inquiry" WHERE "phone" = $1`,
    [phone],
  );
  expect(rows).toEqual([
    {
      reference,
      listingId: null,
      locale: "en",
      email: "anna@nordic-automation.example",
      needDeal: "RENT",
      needKind: "OFFICE",
      sourcePage: "/inquire",
    },
  ]);
});

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[INVESTOR] a submit refused as a whole (too many from this phone) is scrolled into view and focused", async ({
    page,
    request,
  }) => {
    const phone = uniquePhone();
    const body = {
      need: { deal: "rent", kind: "factory", area: 1200, areaUnit: "sqm" },
      use: "精密注塑",
      expectedAnnualTax: 60,
      company: "频繁提交测试有限公司",
      contactName: "周工",
      phone,
      consent: true,
    };
    // The phone's hourly allowance (8) used up through the API, as a partner site might.
    for (let sent = 0; sent < 8; sent += 1)
      expect((await request.post("/api/inquiries", { data: body })).status()).toBe(201);

    await page.goto("/inquire");
    const form = page.getByTestId("inquiry-form");
    await form.getByRole("radio", { name: "租赁" }).check();
    await form.getByRole("radio", { name: "厂房" }).check();
    await form.getByLabel("需求面积").fill("1200");
    await form.getByLabel("用途").fill("精密注塑");
    await form.getByLabel("预计年税收（万元）").fill("60");
    await form.getByLabel("公司名称").fill("频繁提交测试有限公司");
    await form.getByLabel("联系人").fill("周工");
    await form.getByLabel("手机号").fill(phone);
    await form.getByRole("checkbox").check();
    const alert = page.getByTestId("form-alert");
    await expect(alert).not.toBeInViewport();
    await form.getByRole("button", { name: "提交需求" }).click();

    await expect(alert).toContainText("提交过于频繁");
    await expect(alert).toBeFocused();
    await expect(alert).toBeInViewport();
    const rows = await queryE2eDatabase<{ count: string }>(`SELECT count(*)::text FROM "Inquiry" WHERE "phone" = $1`, [
      phone,
    ]);
    expect(rows).toEqual([{ count: "8" }]);
  });
});
