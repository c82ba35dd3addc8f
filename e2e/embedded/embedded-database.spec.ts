import { expect, test, type Locator } from "@playwright/test";
import { uniquePhone } from "../support/database";

/* Against the server a new user gets from `npm start`: embedded PGlite, demo data, nothing configured. */

test("[INVESTOR] sees the demo parks and listings on the embedded database", async ({ page, request }) => {
  expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找厂房、找土地、找研发办公");
  await expect(page.getByTestId("listing-card")).toHaveCount(6);
  await expect(page.getByRole("link", { name: "张江长三角科技城平湖园" })).toBeVisible();
  await page.goto("/listings?kind=LAND");
  for (const card of await page.getByTestId("listing-card").all()) await expect(card).toContainText("工业用地");
  await page.goto("/listings?minArea=abc&deal=LEASE");
  await expect(page.getByRole("status")).toHaveText("部分筛选条件无效，已忽略：面积 (m²) 最低");
  for (const card of await page.getByTestId("listing-card").all()) await expect(card).toContainText("出租");
  await page.goto("/listings/not-a-listing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
});

test("[INVESTOR] reads the privacy notice: who collects, why, how long, how to withdraw", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByTestId("privacy-version")).toContainText("2026-11-01");
  for (const heading of ["一、谁在收集您的信息", "三、为什么收集", "四、保存多久", "六、您的权利"]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
});

/*
 * This server's time trap is 60 s, so every form below is "too fast"; whether it goes through is
 * judged together with the hidden honeypot field and whether the page's script ran
 * (lib/inquiries/spam-trap.ts). On a 390×844 phone the form-level message sits far above the
 * submit button: a refusal must be brought into view and focused, or it looks like nothing happened.
 */
test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[INVESTOR] an autofilled form sent at once goes through", async ({ page }) => {
    await page.goto("/inquire");
    const form = page.getByTestId("inquiry-form");
    await expect(form.locator('input[name="scripted"]')).toBeAttached();
    await fillInquiry(form, { company: "自动填表测试有限公司", honeypot: "" });
    await form.getByRole("button", { name: "提交需求" }).click();
    await expect(page).toHaveURL(/\/inquire\/sent\/PL-\d{6}-[0-9A-Z]{5}\?status=[\w-]+\.[\w-]{32}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("需求已收到");
  });

  test("[SPAM] a fast post with the hidden field filled is refused, and the refusal is in view and focused", async ({
    page,
  }) => {
    await page.goto("/inquire");
    const form = page.getByTestId("inquiry-form");
    await expect(form.locator('input[name="scripted"]')).toBeAttached();
    await fillInquiry(form, { company: "机器人填表有限公司", honeypot: "http://spam.example" });
    const submit = form.getByRole("button", { name: "提交需求" });
    await submit.click();
    const alert = page.getByTestId("form-alert");
    await expect(alert).toContainText("提交未能完成");
    await expect(alert).toBeFocused();
    await expect(alert).toBeInViewport();
    await expect(form.getByLabel("公司名称")).toHaveValue("机器人填表有限公司");

    // A second refusal with the same text is brought back into view too.
    await submit.scrollIntoViewIfNeeded();
    await submit.click();
    await expect(alert).toBeFocused();
    await expect(alert).toBeInViewport();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[SPAM] a bare post seconds after the form was shown is held back and keeps what was typed", async ({
    page,
  }) => {
    await page.goto("/inquire");
    const form = page.getByTestId("inquiry-form");
    await fillInquiry(form, { company: "快速提交测试有限公司", honeypot: "" });
    await form.getByRole("button", { name: "提交需求" }).click();
    await expect(page.getByTestId("form-alert")).toHaveText("提交太快了，请核对信息后再点一次提交。");
    await expect(form.getByLabel("公司名称")).toHaveValue("快速提交测试有限公司");
    await expect(page).toHaveURL(/\/inquire$/);
  });
});

/** Fills every required field at once, as a browser's autofill does. */
async function fillInquiry(form: Locator, { company, honeypot }: { company: string; honeypot: string }) {
  await form.getByRole("radio", { name: "购买" }).check();
  await form.getByRole("radio", { name: "厂房" }).check();
  await form.getByLabel("需求面积").fill("5000");
  await form.getByLabel("用途").fill("新能源电池包组装");
  await form.getByLabel("预计年税收（万元）").fill("500");
  await form.getByLabel("公司名称").fill(company);
  await form.getByLabel("联系人").fill("测试");
  await form.getByLabel("手机号").fill(uniquePhone());
  await form.getByRole("checkbox").check();
  await form.locator('input[name="website"]').evaluate((input: HTMLInputElement, value) => {
    input.value = value;
  }, honeypot);
}

test("[PARTNER] sends inquiries as JSON: created, replayed, refused with reasons", async ({ request }) => {
  const body = {
    need: { deal: "rent", kind: "factory", area: 8000, areaUnit: "sqm", timeline: "3m" },
    use: "汽车零部件冲压",
    expectedAnnualTax: 450,
    company: "嘉兴某某汽配有限公司",
    contactName: "陈工",
    phone: uniquePhone(),
    consent: true,
  };
  const created = await request.post("/api/inquiries", {
    data: body,
    headers: { "Idempotency-Key": `e2e-${body.phone}` },
  });
  expect(created.status()).toBe(201);
  const first = await created.json();
  expect(first).toEqual({
    id: expect.any(String),
    reference: expect.stringMatching(/^PL-\d{6}-[0-9A-Z]{5}$/),
    statusUrl: expect.stringMatching(/^http:\/\/[^/]+\/inquire\/status\/[\w-]+\.[\w-]{32}$/),
  });
  expect(first.statusUrl).toContain(`/inquire/status/${first.id}.`);

  const replay = await request.post("/api/inquiries", {
    data: body,
    headers: { "Idempotency-Key": `e2e-${body.phone}` },
  });
  expect(replay.status()).toBe(201);
  expect(await replay.json()).toEqual(first);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");

  const invalid = await request.post("/api/inquiries", { data: { ...body, phone: "123", consent: false, extra: 1 } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toEqual({
    errors: {
      phone: "请输入 11 位中国大陆手机号（可带 +86）",
      consent: "请阅读并勾选同意隐私声明",
      extra: "不支持的字段",
    },
  });
  const english = await request.post("/api/inquiries", {
    data: { ...body, phone: "123" },
    headers: { "Accept-Language": "en-US,en" },
  });
  expect((await english.json()).errors.phone).toBe("Enter a mainland China mobile number: 11 digits, +86 allowed");

  const wrongType = await request.post("/api/inquiries", {
    data: "phone=1",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(wrongType.status()).toBe(415);
  const oversized = await request.post("/api/inquiries", { data: { ...body, message: "x".repeat(20_000) } });
  expect(oversized.status()).toBe(413);
  const broken = await request.post("/api/inquiries", {
    data: "{not json",
    headers: { "Content-Type": "application/json" },
  });
  expect(broken.status()).toBe(400);
});
