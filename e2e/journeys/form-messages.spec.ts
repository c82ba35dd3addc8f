import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "../support/database";
import { signIn } from "../support/workspace";

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

/*
 * A staff form's own message (components/ui/form-message.tsx) sits above a long form; on a phone
 * the save button is screens below it. A refused save must be brought into view and focused.
 */
test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[ADMIN] a listing save refused because someone else changed it is scrolled into view and focused", async ({
    page,
  }) => {
    const [listing] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "Listing" ORDER BY "createdAt" LIMIT 1`);
    await signIn(page, admin.email, admin.password);
    await page.goto(`/crm/listings/${listing.id}`);
    const form = page.getByTestId("listing-form");
    const message = form.locator(".form-alert, .form-ok").first();

    // Someone else saves the listing meanwhile.
    await queryE2eDatabase(`UPDATE "Listing" SET "updatedAt" = now() + interval '1 second' WHERE "id" = $1`, [
      listing.id,
    ]);
    const save = form.getByRole("button", { name: "保存修改" });
    await save.scrollIntoViewIfNeeded();
    await expect(message).not.toBeInViewport();
    await save.click();

    await expect(message).toContainText("这套房源已被他人修改");
    await expect(message).toBeFocused();
    await expect(message).toBeInViewport();
  });

  test("[ANONYMOUS] a refused sign-in is focused", async ({ page }) => {
    await signIn(page, admin.email, "not-the-password", { landsOn: false });
    const message = page.locator(".form-alert");
    await expect(message).toHaveText("邮箱或密码不正确");
    await expect(message).toBeFocused();
    await expect(message).toBeInViewport();
  });
});
