import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { queryE2eDatabase } from "./database";

/** Signs in through the /login form; `landsOn` false for journeys that expect the form to refuse. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  { landsOn = true }: { landsOn?: boolean } = {},
) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  if (landsOn) await expect(page).toHaveURL(/\/crm$/);
}

export interface JourneyUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** A workspace user of this run with a unique email, stored as an admin would create one. */
export async function makeWorkspaceUser(role: "STAFF" | "MANAGER", label: string): Promise<JourneyUser> {
  const stamp = `${Date.now()}-${randomBytes(3).toString("hex")}`;
  const user = {
    id: `e2e${randomBytes(10).toString("hex")}`,
    email: `${role.toLowerCase()}-${stamp}@e2e.test`,
    name: `${label}${stamp.slice(-4)}`,
    password: `${role.toLowerCase()}-password-${stamp}`,
  };
  await queryE2eDatabase(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt") VALUES ($1, $2, $3, $4, $5::"Role", now())`,
    [user.id, user.email, user.name, await hashPassword(user.password), role],
  );
  return user;
}

/**
 * Follows a link of the workspace's navigation: from the row of links on a wide screen, or through the
 * menu button it folds into on a phone (components/crm/crm-nav.tsx).
 */
export async function followWorkspaceLink(page: Page, name: string, { menu = "菜单" }: { menu?: string } = {}) {
  const button = page.getByRole("button", { name: menu, exact: true });
  if (await button.isVisible()) {
    await button.click();
    await page.getByRole("dialog").getByRole("link", { name, exact: true }).click();
  } else {
    await page.getByRole("banner").getByRole("navigation").getByRole("link", { name, exact: true }).click();
  }
}
