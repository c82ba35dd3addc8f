import { expect, test } from "@playwright/test";
import { queryE2eDatabase } from "../support/database";
import { followWorkspaceLink, makeWorkspaceUser, signIn } from "../support/workspace";

// A 1×1 PNG, uploaded under a .jpg name: accepted and served by what its bytes are.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("[STAFF] creates a listing with a photo and publishes it; its status follows its unit, set 不可租售 by a manager", async ({
  page,
  browser,
  request,
}) => {
  const staff = await makeWorkspaceUser("STAFF", "房源专员");
  await signIn(page, staff.email, staff.password);

  await followWorkspaceLink(page, "房源管理");
  await expect(page.getByRole("heading", { level: 1, name: "房源管理" })).toBeVisible();
  await page.getByRole("link", { name: "新建房源" }).click();

  const title = `E2E 单层厂房 ${Date.now()}`;
  const form = page.getByTestId("listing-form");
  await form.getByLabel("所在园区").selectOption({ label: "嘉兴独山港经济开发区" });
  await form.getByLabel("标题（中文）").fill(title);
  await form.getByLabel("厂房类型").selectOption({ label: "单层厂房" });
  // The park's units are offered; with none ticked, the listing gets one unit of the area typed here.
  await expect(form.getByText("不选单元时：新建一个单元")).toBeVisible();
  await form.getByRole("textbox", { name: /^价格/ }).fill("0.7");
  await form.getByLabel("介绍（中文）").fill("单层钢结构厂房，层高 10 米，带 20 吨行车。");
  await form.getByRole("button", { name: "创建房源" }).click();
  // Checked in the browser with the shared schema, beside the field.
  await expect(form.getByRole("textbox", { name: /^总面积/ })).toHaveAccessibleDescription(/请填写此项/);
  await form.getByRole("textbox", { name: /^总面积/ }).fill("6000");
  await form.getByRole("button", { name: "创建房源" }).click();

  await expect(page).toHaveURL(/\/crm\/listings\/[a-z0-9]+\?created=1$/);
  await expect(page.getByText("房源已创建，可以上传照片了")).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const [stored] = await queryE2eDatabase<{ published: boolean; unitPrice: string; areaSqm: string }>(
    `SELECT "published", "unitPrice"::text, "areaSqm"::text FROM "Listing" WHERE "id" = $1 AND "title" = $2`,
    [id, title],
  );
  expect(stored).toEqual({ published: false, unitPrice: "21.29", areaSqm: "6000.00" });
  await expect(page.getByTestId("listing-figures")).toHaveText("总面积 6,000 m²，可租售 6,000 m²（随单元变化）");

  const photos = page.getByTestId("listing-photos");
  await photos.getByLabel("选择照片").setInputFiles({ name: "factory.jpg", mimeType: "image/jpeg", buffer: PNG });
  await photos.getByLabel("图片说明（中文）").fill("厂房外立面");
  await photos.getByRole("button", { name: "上传" }).click();
  await expect(photos.getByText("照片已上传")).toBeVisible();
  await expect(photos.getByTestId("listing-photo")).toHaveCount(1);
  const [photo] = await queryE2eDatabase<{ url: string; contentType: string; alt: string }>(
    `SELECT "url", "contentType", "alt" FROM "ListingPhoto" WHERE "listingId" = $1`,
    [id],
  );
  expect(photo).toMatchObject({ contentType: "image/png", alt: "厂房外立面" });
  expect(photo.url).toMatch(/^\/media\/listings\/.+\.png$/);

  const controls = page.getByTestId("listing-controls");
  await controls.getByRole("button", { name: "上架" }).click();
  await expect(controls.getByText("当前：已上架，官网可见")).toBeVisible();

  await page.goto("/listings?park=dushangang");
  const card = page.getByTestId("listing-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card.locator("img")).toHaveAttribute("src", photo.url);
  const image = await request.get(photo.url);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");

  // A manager marks the listing's unit 不可租售 on its building's page: the listing reads 洽谈中.
  const [unit] = await queryE2eDatabase<{ id: string; buildingId: string }>(
    `SELECT "id", "buildingId" FROM "Unit" WHERE "listingId" = $1`,
    [id],
  );
  const manager = await makeWorkspaceUser("MANAGER", "租控经理");
  const context = await browser.newContext();
  const managerPage = await context.newPage();
  await signIn(managerPage, manager.email, manager.password);
  await managerPage.goto(`/crm/inventory/buildings/${unit.buildingId}`);
  const units = managerPage.getByTestId("building-units");
  await units.getByRole("button", { name: "标为不可租售" }).click();
  await expect(units.getByText("不可租售", { exact: true })).toBeVisible();
  await context.close();
  const [moved] = await queryE2eDatabase<{ status: string }>(`SELECT "status"::text FROM "Unit" WHERE "id" = $1`, [
    unit.id,
  ]);
  expect(moved.status).toBe("UNAVAILABLE");

  await page.goto(`/crm/listings/${id}`);
  await expect(controls.getByText("状态（随单元变化）：洽谈中")).toBeVisible();
  await page.goto(`/listings/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".tags .tag.status-RESERVED")).toHaveText("洽谈中");

  const audit = await queryE2eDatabase<{ action: string }>(
    `SELECT "action" FROM "AuditEntry" WHERE "entityId" = $1 ORDER BY "createdAt"`,
    [id],
  );
  expect(audit.map((entry) => entry.action)).toEqual(["listing.create", "listing.photo_add", "listing.publish"]);
});

test("[STAFF] reads the parks but gets no admin form; a made-up listing id is not found", async ({ page }) => {
  const staff = await makeWorkspaceUser("STAFF", "房源专员");
  await signIn(page, staff.email, staff.password);
  await page.goto("/crm/listings/parks");
  await expect(page.getByRole("heading", { level: 1, name: "园区" })).toBeVisible();
  await expect(page.getByText("园区由管理员维护，您可以查看。")).toBeVisible();
  await expect(page.getByRole("link", { name: "新建园区" })).toHaveCount(0);
  expect((await page.goto("/crm/listings/parks/new"))?.status()).toBe(404);
  expect((await page.goto("/crm/listings/no-such-listing"))?.status()).toBe(404);
});
