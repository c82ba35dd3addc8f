import { expect, test, type Page } from "@playwright/test";
import { blockingViolations, LOCALES, readerContext, SCREENS } from "../support/accessibility";
import { queryE2eDatabase } from "../support/database";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** A published demo listing with at least two photos, so its gallery has somewhere to go. */
async function listingWithPhotos(): Promise<string> {
  const [row] = await queryE2eDatabase<{ id: string }>(
    `SELECT l."id" FROM "Listing" l JOIN "ListingPhoto" p ON p."listingId" = l."id"
      WHERE l."published" GROUP BY l."id" HAVING count(*) >= 2 ORDER BY l."id" LIMIT 1`,
  );
  expect(row, "the demo has a published listing with two photos").toBeDefined();
  return row.id;
}

const metaContent = (page: Page, property: string) =>
  page.locator(`meta[property="${property}"], meta[name="${property}"]`).first().getAttribute("content");

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("[INVESTOR] reaches the park by phone or the form from anywhere on a listing, and swipes its photos", async ({
    page,
  }) => {
    const id = await listingWithPhotos();
    await page.goto(`/listings/${id}`);

    const bar = page.getByTestId("contact-bar");
    await expect(bar).toBeVisible();
    const box = (await bar.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(PHONE.height);
    await expect(bar.getByRole("link", { name: "电话咨询" })).toHaveAttribute("href", /^tel:\+?\d{7,}$/);

    const leaveNeed = bar.getByRole("link", { name: "留下需求" });
    await leaveNeed.click();
    const focused = page.locator(":focus");
    await expect(focused).toHaveAttribute("name", "need.deal");
    await expect(focused).toBeChecked();
    await expect(focused).toBeInViewport();
    expect(await focused.evaluate((field) => field.closest("[data-testid=inquiry-form]") !== null)).toBe(true);

    // The bar never covers the form's button or the footer's last line.
    const submit = page.getByTestId("inquiry-form").getByRole("button", { name: "提交需求" });
    await submit.evaluate((button) => button.scrollIntoView({ block: "end" }));
    const hit = await submit.evaluate((button) => {
      const { x, y, width, height } = button.getBoundingClientRect();
      return button.contains(document.elementFromPoint(x + width / 2, y + height - 2));
    });
    expect(hit, "the submit button's bottom edge is not under the bar").toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = (await page.locator(".site-footer p").last().boundingBox())!;
    expect(footer.y + footer.height).toBeLessThanOrEqual((await bar.boundingBox())!.y);
    await expect(page.locator(".site-footer").getByRole("link", { name: /\d{3}/ })).toHaveAttribute(
      "href",
      /^tel:\+?\d+$/,
    );
    await expect(page.getByRole("link", { name: "400 0123 021" }).first()).toHaveAttribute("href", "tel:4000123021");

    // The gallery: a swipe, then the buttons, go from photo to photo.
    const track = page.getByTestId("gallery-track");
    const counter = page.getByTestId("gallery-counter");
    const photos = track.getByRole("img");
    await track.scrollIntoViewIfNeeded();
    await expect(counter).toContainText("1 / 2");
    const strip = (await track.boundingBox())!;
    // A finger dragged from right to left across the photo.
    const cdp = await page.context().newCDPSession(page);
    const y = Math.round(strip.y + strip.height / 2);
    const from = Math.round(strip.x + strip.width * 0.85);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from, y }] });
    for (let step = 1; step <= 10; step++)
      await cdp.send("Input.dispatchTouchEvent", {
        type: "touchMove",
        touchPoints: [{ x: from - Math.round((strip.width * 0.7 * step) / 10), y }],
      });
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect(counter).toContainText("2 / 2");
    await expect(photos.nth(1)).toBeInViewport({ ratio: 0.9 });
    await page.getByRole("button", { name: "下一张" }).click();
    await expect(counter).toContainText("1 / 2");
    await expect(photos.nth(0)).toBeInViewport({ ratio: 0.9 });
    await page.getByRole("button", { name: "下一张" }).click();
    await expect(counter).toContainText("2 / 2");
    await expect(photos.nth(1)).toBeInViewport({ ratio: 0.9 });
    await expect(counter).toContainText("第 2 张，共 2 张");
    // The keyboard: the strip takes focus and the arrow keys move a whole photo.
    await track.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(counter).toContainText("1 / 2");
    await page.keyboard.press("ArrowRight");
    await expect(counter).toContainText("2 / 2");
  });

  test("[INVESTOR] without scripts, 留下需求 still jumps to the form", async ({ browser, baseURL }) => {
    const id = await listingWithPhotos();
    const context = await browser.newContext({ ...SCREENS.phone, baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/listings/${id}`);
    await page.getByTestId("contact-bar").getByRole("link", { name: "留下需求" }).click();
    await expect(page).toHaveURL(/#inquiry$/);
    await expect(page.getByRole("heading", { name: "咨询这套房源" })).toBeInViewport();
    await context.close();
  });

  test("[INVESTOR] a shared listing shows its title, description and photo; the site has its icons", async ({
    page,
    request,
  }) => {
    const id = await listingWithPhotos();
    await page.goto(`/listings/${id}`);
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    expect(await metaContent(page, "og:title")).toBe(title);
    expect(await metaContent(page, "og:description")).toMatch(/^(出售|出租) · /);
    expect(await metaContent(page, "og:url")).toMatch(new RegExp(`^https?://[^/]+/listings/${id}$`));
    expect(await metaContent(page, "twitter:card")).toBe("summary_large_image");
    const image = (await metaContent(page, "og:image"))!;
    expect(image).toMatch(/^https?:\/\//);
    const picture = await request.get(image);
    expect(picture.status()).toBe(200);
    expect(picture.headers()["content-type"]).toMatch(/^image\/(png|jpeg|webp)/);

    await page.goto("/listings?park=pinghu-zhangjiang");
    expect(await metaContent(page, "og:title")).toBe("张江长三角科技城平湖园的房源");
    expect(await metaContent(page, "og:image")).toMatch(/^https?:\/\/.+\/demo\/share-site-plan\.png$/);

    await page.goto("/");
    expect(await metaContent(page, "og:title")).toBe("找厂房、找土地、找研发办公");
    expect(await metaContent(page, "og:description")).toBeTruthy();
    expect((await request.get((await metaContent(page, "og:image"))!)).status()).toBe(200);

    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toBe("image/x-icon");
    const manifest = await request.get("/manifest.webmanifest");
    expect(manifest.status()).toBe(200);
    expect(await manifest.json()).toMatchObject({ theme_color: "#0b5cad", start_url: "/" });
    const touchIcon = (await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"))!;
    expect((await request.get(touchIcon)).headers()["content-type"]).toBe("image/png");
  });

  test("[INVESTOR] filters by one field and gets an address with that field only", async ({ page }) => {
    await page.goto("/listings");
    await page.locator("summary", { hasText: "筛选" }).click();
    const filters = page.getByRole("search");
    await filters.getByLabel("类型").selectOption("LAND");
    await filters.getByRole("button", { name: "查看结果" }).click();
    await expect(page).toHaveURL(/\/listings\?kind=LAND$/);
    await expect(page.getByTestId("listing-card").first()).toContainText("工业用地");
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: DESKTOP, isMobile: false, hasTouch: false });

  test("[INVESTOR] sees the filters open beside the results and filters by one field", async ({ page }) => {
    await page.goto("/listings");
    const filters = page.getByRole("search");
    await expect(filters).toBeVisible();
    await expect(page.locator("summary", { hasText: "筛选" })).toBeHidden();
    const form = (await filters.boundingBox())!;
    const results = (await page.getByTestId("listing-card").first().boundingBox())!;
    expect(form.x + form.width).toBeLessThanOrEqual(results.x);
    expect(Math.abs(form.y - results.y)).toBeLessThan(120);

    await filters.getByLabel("租售").selectOption("LEASE");
    await filters.getByRole("button", { name: "查看结果" }).click();
    await expect(page).toHaveURL(/\/listings\?deal=LEASE$/);
    for (const card of await page.getByTestId("listing-card").all()) await expect(card).toContainText("出租");
  });

  test("[INVESTOR] keeps the phone number and the form in view beside a listing", async ({ page }) => {
    await page.goto(`/listings/${await listingWithPhotos()}`);
    const bar = page.getByTestId("contact-bar");
    await page.mouse.wheel(0, 1500);
    await expect(bar).toBeInViewport();
    await expect(bar.getByRole("link", { name: /电话咨询/ })).toContainText(/\d{3}/);
    await bar.getByRole("link", { name: "留下需求" }).click();
    await expect(page.locator(":focus")).toHaveAttribute("name", "need.deal");
  });
});

test("[INVESTOR] the catalogue and a listing have no serious accessibility fault, in both languages and screens", async ({
  browser,
  baseURL,
}) => {
  const id = await listingWithPhotos();
  const found: string[] = [];
  for (const screen of ["phone", "desktop"] as const)
    for (const locale of LOCALES) {
      const context = await readerContext(browser, { baseURL: baseURL!, locale, screen });
      const page = await context.newPage();
      for (const path of ["/listings", `/listings/${id}`]) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        found.push(...(await blockingViolations(page, `${path} ${locale} ${screen}`)));
      }
      await context.close();
    }
  expect(found).toEqual([]);
});
