import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  blockingViolations,
  LOCALES,
  readerContext,
  SCREENS,
  signedInState,
  type Screen,
  type SignedInState,
} from "../support/accessibility";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { seedApiKey } from "../support/api-keys";
import { seedImportJob, seedUnitImportPreview } from "../support/imports";
import { makeWorkspaceUser } from "../support/workspace";

/*
 * Every page, as the people who use it, in both languages, on a phone and a desktop: axe finds no
 * critical or serious WCAG 2.1 A/AA violation. The last test fails when a page is added to app/ but
 * not here.
 */

type Reader = "visitor" | "admin" | "staff";
interface Records {
  listing: string;
  park: string;
  building: string;
  lead: string;
  poolLead: string;
  project: string;
  sent: string;
  status: string;
  importMapping: string;
  importPreview: string;
  importDone: string;
  unitImportPreview: string;
  apiKey: string;
}
interface Check {
  /** The app/ route shown, route groups left out. */
  route: string;
  as: Reader;
  path?: (records: Records) => string;
  /** What the check shows beyond the page as it opens. */
  state?: string;
  status?: number;
  then?: (page: Page) => Promise<void>;
}

async function sendEmptyForm(page: Page, form = page.locator("form").first()) {
  await form.locator('button[type="submit"]').click();
  await page.locator(".field-error").first().waitFor();
}

/** Opens a step's form on the project's 督办 item from the keyboard (its buttons work once the page's scripts run). */
async function openStep(page: Page, step: "answer" | "instruct") {
  const button = page.locator(`[data-supervision] [data-step="${step}"]`).first();
  await expect(button).toBeEnabled();
  await button.focus();
  await page.keyboard.press("Enter");
  await page.getByTestId(`step-${step}`).waitFor();
}

const CHECKS: Check[] = [
  { as: "visitor", route: "/" },
  { as: "visitor", route: "/listings" },
  { as: "visitor", route: "/listings/[id]", path: (r) => `/listings/${r.listing}` },
  { as: "visitor", route: "/listings/[id]", state: "missing", status: 404, path: () => "/listings/no-such-listing" },
  { as: "visitor", route: "/inquire" },
  {
    as: "visitor",
    route: "/inquire",
    state: "sent empty",
    then: (page) => sendEmptyForm(page, page.getByTestId("inquiry-form")),
  },
  { as: "visitor", route: "/privacy" },
  { as: "visitor", route: "/developers/api" },
  { as: "visitor", route: "/inquire/sent/[reference]", path: (r) => r.sent },
  { as: "visitor", route: "/inquire/status/[key]", path: (r) => r.status },
  {
    as: "visitor",
    route: "/inquire/status/[key]",
    state: "confirming withdrawal",
    path: (r) => `${r.status}?confirm=WITHDRAW`,
  },
  { as: "visitor", route: "/inquire/status/[key]", state: "refused", path: (r) => `${r.status}?error=rateLimited` },
  { as: "visitor", route: "/no-such-page", state: "not found", status: 404 },
  { as: "visitor", route: "/login" },
  {
    as: "visitor",
    route: "/login",
    state: "wrong password",
    then: async (page) => {
      await page.locator('input[type="email"]').fill("nobody@e2e.test");
      await page.locator('input[type="password"]').fill("not the password");
      await page.locator('button[type="submit"]').click();
      await page.locator(".form-alert").waitFor();
    },
  },
  ...["/crm", "/crm/leads", "/crm/leads/duplicates", "/crm/pipeline", "/crm/listings", "/crm/listings/parks"].map(
    (route): Check => ({ as: "admin", route }),
  ),
  { as: "admin", route: "/crm/leads/[id]", path: (r) => `/crm/leads/${r.lead}` },
  { as: "admin", route: "/crm/leads/[id]", state: "pool", path: (r) => `/crm/leads/${r.poolLead}` },
  { as: "admin", route: "/crm/leads/[id]", state: "missing", status: 404, path: () => "/crm/leads/no-such-lead" },
  { as: "admin", route: "/crm/leads/import" },
  { as: "admin", route: "/crm/inventory/import" },
  {
    as: "admin",
    route: "/crm/inventory/import/[id]",
    state: "preview",
    path: (r) => `/crm/inventory/import/${r.unitImportPreview}`,
  },
  ...(["importMapping", "importPreview", "importDone"] as const).map((record): Check => ({
    as: "admin",
    route: "/crm/leads/import/[id]",
    state: record.slice("import".length).toLowerCase(),
    path: (r) => `/crm/leads/import/${r[record]}`,
  })),
  { as: "admin", route: "/crm/listings/new" },
  {
    as: "admin",
    route: "/crm/listings/new",
    state: "sent empty",
    then: (page) => sendEmptyForm(page, page.getByTestId("listing-form")),
  },
  { as: "admin", route: "/crm/listings/[id]", path: (r) => `/crm/listings/${r.listing}` },
  { as: "admin", route: "/crm/listings/parks/new" },
  { as: "admin", route: "/crm/listings/parks/[id]", path: (r) => `/crm/listings/parks/${r.park}` },
  {
    as: "admin",
    route: "/crm/inventory/buildings/new",
    path: (r) => `/crm/inventory/buildings/new?park=${r.park}`,
  },
  { as: "admin", route: "/crm/inventory/buildings/[id]", path: (r) => `/crm/inventory/buildings/${r.building}` },
  {
    as: "staff",
    route: "/crm/inventory/buildings/[id]",
    state: "read only",
    path: (r) => `/crm/inventory/buildings/${r.building}`,
  },
  ...[
    "/crm/reports",
    "/crm/reports/print",
    "/crm/settings",
    "/crm/settings/notifications",
    "/crm/settings/pipeline",
    "/crm/settings/rules",
    "/crm/settings/webhooks",
    "/crm/settings/api-keys",
    "/crm/privacy",
    "/crm/audit",
    "/crm/account",
  ].map((route): Check => ({ as: "admin", route })),
  {
    as: "admin",
    route: "/crm/reports",
    state: "occupancy",
    path: () => "/crm/reports?tab=occupancy&range=this_year",
  },
  {
    as: "admin",
    route: "/crm/reports",
    state: "delivery",
    path: () => "/crm/reports?tab=delivery",
  },
  {
    as: "admin",
    route: "/crm/settings",
    state: "new user sent empty",
    then: (page) => sendEmptyForm(page, page.locator("form", { has: page.locator('input[type="email"]') })),
  },
  {
    as: "admin",
    route: "/crm/settings/webhooks",
    state: "new subscription sent empty",
    then: (page) => sendEmptyForm(page, page.locator("form", { has: page.locator('input[type="url"]') }).last()),
  },
  {
    as: "admin",
    route: "/crm/settings/api-keys",
    state: "new key sent empty",
    then: (page) => sendEmptyForm(page, page.locator("form", { has: page.locator('input[type="date"]') })),
  },
  {
    as: "admin",
    route: "/crm/settings/api-keys",
    state: "new key shown once",
    then: async (page) => {
      const form = page.locator("form", { has: page.locator('input[type="date"]') });
      await form.locator('input[type="text"]').fill("无障碍检查");
      await form.locator('input[type="checkbox"]').first().check();
      await form.locator('button[type="submit"]').click();
      await page.getByTestId("new-api-key").waitFor();
      // The action's refresh puts the page's metadata back a moment after the answer.
      await expect(page).toHaveTitle(/\S/);
    },
  },
  { as: "admin", route: "/crm/settings/api-keys/[id]", path: (r) => `/crm/settings/api-keys/${r.apiKey}` },
  { as: "admin", route: "/crm/[...missing]", state: "not found", status: 404, path: () => "/crm/no-such-page" },
  { as: "admin", route: "/crm/projects" },
  { as: "admin", route: "/crm/projects", state: "late", path: () => "/crm/projects?warning=late&status=all" },
  { as: "admin", route: "/crm/projects/[id]", path: (r) => `/crm/projects/${r.project}` },
  {
    as: "admin",
    route: "/crm/projects/[id]",
    state: "解约 dialog",
    path: (r) => `/crm/projects/${r.project}`,
    then: async (page) => {
      // The button is enabled once the page's scripts run; opened from the keyboard, as a manager may.
      const open = page.locator('[data-section="terminate"] button');
      await expect(open).toBeEnabled();
      await open.focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("terminate-form").waitFor();
    },
  },
  {
    as: "admin",
    route: "/crm/projects/[id]",
    state: "missing",
    status: 404,
    path: () => "/crm/projects/no-such-project",
  },
  { as: "staff", route: "/crm/projects" },
  { as: "staff", route: "/crm/projects/[id]", state: "own", path: (r) => `/crm/projects/${r.project}` },
  { as: "admin", route: "/crm/projects/supervision" },
  { as: "staff", route: "/crm/projects/supervision" },
  {
    as: "admin",
    route: "/crm/projects/[id]",
    state: "督办 批示 form",
    path: (r) => `/crm/projects/${r.project}`,
    then: (page) => openStep(page, "instruct"),
  },
  {
    as: "staff",
    route: "/crm/projects/[id]",
    state: "督办 answer form",
    path: (r) => `/crm/projects/${r.project}`,
    then: (page) => openStep(page, "answer"),
  },
  ...["/crm", "/crm/leads", "/crm/pipeline", "/crm/listings", "/crm/inventory", "/crm/reports", "/crm/account"].map(
    (route): Check => ({
      as: "staff",
      route,
    }),
  ),
  { as: "staff", route: "/crm/leads/[id]", state: "own", path: (r) => `/crm/leads/${r.lead}` },
  { as: "staff", route: "/crm/leads/[id]", state: "pool", path: (r) => `/crm/leads/${r.poolLead}` },
  { as: "staff", route: "/crm/settings", state: "not for staff", status: 404 },
  { as: "staff", route: "/crm/leads/import", state: "not for staff", status: 404 },
  { as: "staff", route: "/crm/inventory/import", state: "not for staff", status: 404 },
];

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };
let setup: { records: Records; states: Partial<Record<Reader, SignedInState>> };
let baseURL: string;

// Four page loads each, and axe reads every card of a full board: minutes on a busy machine.
test.describe.configure({ timeout: 240_000 });

// A failed check restarts the worker, and with it this hook: the run's records and sessions are kept
// in its output folder (emptied when a run starts), so they are made once per run.
test.beforeAll(async ({ browser }, testInfo) => {
  baseURL = testInfo.project.use.baseURL!;
  const kept = path.join(testInfo.project.outputDir, "accessibility-setup.json");
  if (existsSync(kept)) {
    setup = JSON.parse(readFileSync(kept, "utf8"));
    return;
  }
  setup = await prepare(browser);
  mkdirSync(path.dirname(kept), { recursive: true });
  writeFileSync(kept, JSON.stringify(setup));
});

async function prepare(browser: Browser): Promise<typeof setup> {
  const staff = await makeWorkspaceUser("STAFF", "无障碍专员");
  const states = {
    admin: await signedInState(browser, { ...admin, baseURL }),
    staff: await signedInState(browser, { ...staff, baseURL }),
  };

  // An inquiry sent through the form: its confirmation page, and the status page it links.
  const visitor = await readerContext(browser, { baseURL, locale: "zh-CN", screen: "phone" });
  const page = await visitor.newPage();
  const phone = uniquePhone();
  const company = `嘉兴无障碍检查${phone.slice(-6)}智能装备有限公司`;
  await page.goto("/inquire");
  const form = page.getByTestId("inquiry-form");
  await form.getByRole("radio", { name: "租赁" }).check();
  await form.getByRole("radio", { name: "厂房" }).check();
  await form.getByLabel("需求面积").fill("3000");
  await form.getByLabel("用途").fill("智能装备总装");
  await form.getByLabel("预计年税收（万元）").fill("300");
  await form.getByLabel("公司名称").fill(company);
  await form.getByLabel("联系人").fill("周先生");
  await form.getByLabel("手机号").fill(phone);
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "提交需求" }).click();
  await expect(page).toHaveURL(/\/inquire\/sent\//);
  const sent = new URL(page.url());
  const status = new URL((await page.getByTestId("status-link").getAttribute("href"))!, baseURL);
  // The investor asks for erasure, so the status page and the admins' privacy page list a request.
  await page.goto(`${status.pathname}?confirm=ERASE`);
  await page.getByTestId("privacy-confirm").locator('button[type="submit"]').click();
  await expect(page.getByTestId("privacy-requests")).toBeVisible();

  // A second inquiry of the same company from another phone: a duplicate pair, its lead left in the pool.
  const poolPhone = uniquePhone();
  const answer = await visitor.request.post("/api/inquiries", {
    data: {
      need: { deal: "buy", kind: "factory", area: 2000, areaUnit: "sqm", timeline: "6m" },
      use: "智能装备总装",
      expectedAnnualTax: 200,
      company,
      contactName: "吴女士",
      phone: poolPhone,
      consent: true,
    },
  });
  expect(answer.status()).toBe(201);
  await visitor.close();
  const leads = await queryE2eDatabase<{ id: string; phone: string }>(
    `SELECT "id", "phone" FROM "Lead" WHERE "phone" = ANY($1)`,
    [[phone, poolPhone]],
  );
  const lead = leads.find((row) => row.phone === phone)!.id;
  const poolLead = leads.find((row) => row.phone === poolPhone)!.id;
  await queryE2eDatabase(`UPDATE "Lead" SET "ownerId" = $2 WHERE "id" = $1`, [lead, staff.id]);
  await queryE2eDatabase(`UPDATE "Lead" SET "ownerId" = NULL WHERE "id" = $1`, [poolLead]);

  // A published listing with the most photos, and its park.
  const [listing] = await queryE2eDatabase<{ id: string; parkId: string }>(
    `SELECT l."id", l."parkId" FROM "Listing" l WHERE l."published"
      ORDER BY (SELECT count(*) FROM "ListingPhoto" p WHERE p."listingId" = l."id") DESC, l."id" LIMIT 1`,
  );
  // A building of that park with a unit, for the asset register's page.
  const [building] = await queryE2eDatabase<{ id: string; name: string }>(
    `INSERT INTO "Building" ("id", "parkId", "name", "kind", "factoryType", "storeys", "updatedAt")
      VALUES ('a11y' || md5(random()::text), $1, '无障碍检查楼 ' || left(md5(random()::text), 6), 'FACTORY', 'STANDARD', 3, now())
      RETURNING "id", "name"`,
    [listing.parkId],
  );
  const [unit] = await queryE2eDatabase<{ id: string }>(
    `INSERT INTO "Unit" ("id", "buildingId", "parkId", "floor", "number", "area", "areaUnit", "areaSqm", "updatedAt")
      VALUES ('a11y' || md5(random()::text), $1, $2, 1, '101', 500, 'SQM', 500, now())
      RETURNING "id"`,
    [building.id, listing.parkId],
  );
  // A signed project of the staff officer's lead, with its six milestones unplanned as a signing opens them.
  await queryE2eDatabase(`UPDATE "Lead" SET "stageKey" = 'signed', "signedAt" = now() WHERE "id" = $1`, [lead]);
  const [project] = await queryE2eDatabase<{ id: string }>(
    `INSERT INTO "Project" ("id", "leadId", "parkId", "ownerId", "name", "companyName", "signedAt", "updatedAt")
      VALUES ('a11y' || md5(random()::text), $1, $2, $3, '无障碍检查项目', $4, now(), now())
      RETURNING "id"`,
    [lead, listing.parkId, staff.id, company],
  );
  await queryE2eDatabase(
    `INSERT INTO "ProjectMilestone" ("id", "projectId", "kind")
      SELECT 'a11y' || md5(random()::text || k), $1, k::"MilestoneKind"
      FROM unnest(ARRAY['REGISTERED', 'LAND_HANDOVER', 'CONSTRUCTION_START', 'COMPLETION', 'PRODUCTION',
        'FULL_PRODUCTION']) AS k`,
    [project.id],
  );
  // Imports in the states their page shows differently: the columns to map, the preview, the summary.
  const [adminUser] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [
    admin.email,
  ]);
  // A 督办 item on the project, opened by the admin for the officer who owns it.
  await queryE2eDatabase(
    `INSERT INTO "Supervision" ("id", "projectId", "title", "assigneeId", "openedById", "dueOn", "updatedAt")
      VALUES ('a11y' || md5(random()::text), $1, '无障碍检查：本月底前开工', $2, $3, CURRENT_DATE + 7, now())`,
    [project.id, staff.id, adminUser.id],
  );
  const duplicateOf = { id: lead, phone };
  const records = {
    importMapping: await seedImportJob("MAPPING", adminUser.id, duplicateOf),
    importPreview: await seedImportJob("PREVIEW", adminUser.id, duplicateOf),
    importDone: await seedImportJob("DONE", adminUser.id, duplicateOf),
    unitImportPreview: await seedUnitImportPreview(adminUser.id, listing.parkId, {
      id: unit.id,
      building: building.name,
      number: "101",
    }),
    apiKey: (await seedApiKey(adminUser.id)).id,
    listing: listing.id,
    park: listing.parkId,
    building: building.id,
    lead,
    poolLead,
    project: project.id,
    sent: `${sent.pathname}${sent.search}`,
    status: status.pathname,
  };
  return { records, states };
}

for (const check of CHECKS) {
  test(`[${check.as.toUpperCase()}] ${check.route}${check.state ? ` (${check.state})` : ""}`, async ({ browser }) => {
    const target = check.path?.(setup.records) ?? check.route;
    const found: string[] = [];
    for (const locale of LOCALES) {
      for (const screen of Object.keys(SCREENS) as Screen[]) {
        const context = await readerContext(browser, { baseURL, locale, screen, state: setup.states[check.as] });
        const page = await context.newPage();
        const response = await page.goto(target);
        expect(response?.status(), `${target} as ${check.as}`).toBe(check.status ?? 200);
        expect(new URL(page.url()).pathname, "not redirected").toBe(new URL(target, baseURL).pathname);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await check.then?.(page);
        found.push(...(await blockingViolations(page, `${target} [${check.as}, ${locale}, ${screen}]`)));
        await context.close();
      }
    }
    if (found.length > 0) console.log(found.join("\n"));
    expect(found, "critical or serious axe violations").toEqual([]);
  });
}

test("every page and not-found page under app/ is checked above", () => {
  const files = readdirSync("app", { recursive: true, encoding: "utf8" }).map((file) => file.split(path.sep));
  const routeOf = (segments: string[]) =>
    `/${segments
      .slice(0, -1)
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .join("/")}`;
  const pages = files.filter((segments) => segments.at(-1) === "page.tsx").map(routeOf);
  expect(pages.filter((route) => !CHECKS.some((check) => check.route === route))).toEqual([]);
  // A not-found page is shown by a check answering 404 at or under its folder.
  const notFoundPages = files.filter((segments) => segments.at(-1) === "not-found.tsx").map(routeOf);
  const shown = (folder: string) =>
    CHECKS.some((check) => check.status === 404 && `${check.route}/`.startsWith(folder.replace(/\/?$/, "/")));
  expect(notFoundPages.filter((folder) => !shown(folder))).toEqual([]);
});
