import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "../support/database";
import { followWorkspaceLink, makeWorkspaceUser, signIn } from "../support/workspace";

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

test("[ANONYMOUS] is sent from any workspace page to the sign-in page and sees no data", async ({ page, request }) => {
  for (const path of ["/crm", "/crm/settings", "/crm/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录招商工作台");
  }
  const html = await (await request.get("/crm/settings", { maxRedirects: 0 })).text();
  expect(html).not.toContain(admin.email);
});

test("[ADMIN] adds a staff user, who signs in, is refused the admin pages, and is signed out once deactivated", async ({
  page,
  browser,
}) => {
  await signIn(page, admin.email, "wrong password", { landsOn: false });
  await expect(page.locator(".form-alert")).toHaveText("邮箱或密码不正确");
  await page.getByLabel("密码").fill(admin.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/crm$/);
  await expect(page.getByRole("heading", { level: 2, name: "各阶段线索" })).toBeVisible();

  await followWorkspaceLink(page, "用户与设置");
  const email = `staff-${Date.now()}@e2e.test`;
  const form = page.locator("form", { has: page.getByRole("button", { name: "添加用户" }) });
  await form.getByLabel("邮箱").fill("not-an-email");
  await form.getByLabel("姓名").fill("张专员");
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "添加用户" }).click();
  await expect(form.getByText("邮箱格式不正确")).toBeVisible();
  await expect(form.getByText("至少 10 个字")).toBeVisible();
  await form.getByLabel("邮箱").fill(email);
  await form.getByLabel("初始密码").fill("first-password-1");
  await form.getByRole("button", { name: "添加用户" }).click();
  await expect(form.getByText(`已添加 ${email}`)).toBeVisible();
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("招商专员");

  const [stored] = await queryE2eDatabase<{ id: string; role: string; active: boolean }>(
    `SELECT "id", "role", "active" FROM "User" WHERE "email" = $1`,
    [email],
  );
  expect(stored).toMatchObject({ role: "STAFF", active: true });
  const audit = await queryE2eDatabase(
    `SELECT 1 FROM "AuditEntry" WHERE "action" = 'user.create' AND "entityId" = $1`,
    [stored.id],
  );
  expect(audit).toHaveLength(1);

  const staffContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const staff = await staffContext.newPage();
  await signIn(staff, email, "first-password-1", { landsOn: false });
  await expect(staff).toHaveURL(/\/crm$/);
  await expect(staff.getByText("张专员 · 招商专员")).toBeVisible();
  await expect(staff.getByRole("link", { name: "用户与设置" })).toHaveCount(0);
  for (const path of ["/crm/settings", "/crm/audit"]) {
    const response = await staff.goto(path);
    expect(response?.status()).toBe(404);
    await expect(staff.getByText(email)).toHaveCount(0);
  }

  await page.locator(`tr[data-email="${email}"]`).getByRole("button", { name: "停用" }).click();
  await expect(page.locator(`tr[data-email="${email}"]`)).toContainText("已停用");
  expect(
    (await queryE2eDatabase<{ active: boolean }>(`SELECT "active" FROM "User" WHERE "id" = $1`, [stored.id]))[0].active,
  ).toBe(false);

  await staff.goto("/crm");
  await expect(staff).toHaveURL(/\/login/);
  await signIn(staff, email, "first-password-1", { landsOn: false });
  await expect(staff.locator(".form-alert")).toHaveText("该账号已停用，请联系管理员");
  await staffContext.close();
});

test("[STAFF] signs out, and a copy of the session cookie taken before no longer opens the workspace", async ({
  page,
  browser,
}) => {
  const user = await makeWorkspaceUser("STAFF", "退出");
  await signIn(page, user.email, user.password);
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  const [{ sessionVersion }] = await queryE2eDatabase<{ sessionVersion: number }>(
    `SELECT "sessionVersion" FROM "User" WHERE "id" = $1`,
    [user.id],
  );
  expect(sessionVersion).toBe(1);

  const elsewhere = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await elsewhere.addCookies(copied);
  const replay = await elsewhere.newPage();
  await replay.goto("/crm");
  await expect(replay).toHaveURL(/\/login/);
  await expect(replay.getByRole("heading", { level: 1 })).toHaveText("登录招商工作台");
  await elsewhere.close();
});
