import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { blockingViolations } from "../support/accessibility";
import { queryE2eDatabase } from "../support/database";
import { signIn } from "../support/workspace";

/*
 * An admin connects a partner system: creates a key, sees it once, the partner reads listings with
 * it (its request shows in the key's log without the query string), and the admin revokes it, after
 * which the very next request is refused.
 */

async function makeAdmin() {
  const stamp = `${Date.now()}-${randomBytes(3).toString("hex")}`;
  const admin = {
    id: `e2e${randomBytes(10).toString("hex")}`,
    email: `keys-admin-${stamp}@e2e.test`,
    name: `陈静${stamp.slice(-4)}`,
    password: `keys-admin-${stamp}`,
  };
  await queryE2eDatabase(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
     VALUES ($1, $2, $3, $4, 'ADMIN'::"Role", now())`,
    [admin.id, admin.email, admin.name, await hashPassword(admin.password)],
  );
  return admin;
}

test("[ADMIN] creates an API key shown once, sees its use in the log, and revokes it for the next request", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await makeAdmin();
  const name = `展会系统 ${randomBytes(3).toString("hex")}`;
  await signIn(page, admin.email, admin.password);

  await page.goto("/crm/settings");
  await page.getByRole("navigation", { name: "设置" }).getByRole("link", { name: "API 密钥" }).click();
  await expect(page).toHaveURL(/\/crm\/settings\/api-keys$/);

  // No scope chosen: the form says so beside the checkboxes and sends nothing.
  await page.getByLabel("名称", { exact: true }).fill(name);
  await page.getByRole("button", { name: "创建密钥" }).click();
  await expect(page.getByText("请至少选择一项权限")).toBeVisible();

  await page.getByRole("checkbox", { name: /读取房源/ }).check();
  await page.getByLabel("每分钟请求上限").fill("30");
  await page.getByRole("button", { name: "创建密钥" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^plk_[A-Za-z0-9_-]{43}$/);
  const key = (await shown.textContent())!;
  await expect(page.getByText("离开或刷新本页后，任何人都无法再次查看此密钥")).toBeVisible();
  expect(await blockingViolations(page, "/crm/settings/api-keys with a new key")).toEqual([]);

  const [stored] = await queryE2eDatabase<{ id: string; hash: string; prefix: string; scopes: string[] }>(
    `SELECT "id", "hash", "prefix", "scopes" FROM "ApiKey" WHERE "name" = $1`,
    [name],
  );
  expect(stored).toMatchObject({
    hash: createHash("sha256").update(key).digest("hex"),
    prefix: key.slice(0, 12),
    scopes: ["listings:read"],
  });

  // Reloaded, the page never shows the key again: only its prefix.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await expect(page.getByRole("rowheader", { name })).toBeVisible();

  // The partner system reads listings with it; a lead read is outside its scope.
  const partner = await playwright.request.newContext({ baseURL });
  const listings = await partner.get("/api/v1/listings?limit=5", { headers: { Authorization: `Bearer ${key}` } });
  expect(listings.status()).toBe(200);
  expect(listings.headers()["x-ratelimit-limit"]).toBe("30");
  const leads = await partner.get("/api/v1/leads", { headers: { "X-Api-Key": key } });
  expect(leads.status()).toBe(403);
  expect((await leads.json()).error.code).toBe("forbidden");

  await page.goto(`/crm/settings/api-keys/${stored.id}`);
  await expect(page.getByRole("heading", { name: `请求记录：${name}` })).toBeVisible();
  await expect(page.getByText("403：1 次")).toBeVisible();
  await expect(page.getByRole("cell", { name: "/api/v1/listings", exact: true })).toBeVisible();
  expect(await page.content()).not.toContain("limit=5");

  // Revoked after a confirmation: the next request is 401.
  await page.goto("/crm/settings/api-keys");
  await page.getByRole("button", { name: `吊销“${name}”` }).click();
  await expect(page.getByRole("dialog", { name: `吊销密钥“${name}”？` })).toBeVisible();
  await page.getByRole("button", { name: "确认吊销" }).click();
  await expect(page.getByText(`密钥“${name}”已吊销`)).toBeVisible();
  const refused = await partner.get("/api/v1/listings", { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
  await partner.dispose();

  const audited = await queryE2eDatabase<{ action: string }>(
    `SELECT "action" FROM "AuditEntry" WHERE "entityId" = $1 ORDER BY "createdAt"`,
    [stored.id],
  );
  expect(audited.map((row) => row.action)).toEqual(["apiKey.create", "apiKey.revoke"]);
});
