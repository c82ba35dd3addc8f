import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { openAppDatabase } from "@/lib/startup/open-app-database";
import { submitInquiry, type SubmissionContext } from "@/lib/inquiries/mutations";
import { NEW_PHONE_LOCK } from "@/lib/inquiries/store-inquiry";
import type { InquiryInput } from "@/lib/inquiries/schema";
import { backfillLeads, backfillResponseDeadlines } from "@/lib/leads/backfill";
import { companyKey } from "@/lib/leads/company-key";
import { dashboardSummary } from "@/lib/leads/dashboard/queries";
import { rescoreLead, scoreLead } from "@/lib/leads/score/score";
import { addWorkingHours } from "@/lib/calendar/working-hours";
import { updateScoreSettings } from "@/lib/leads/score/mutations";
import { updateAssignmentSettings, updateWorkingHoursSettings } from "@/lib/settings/mutations";
import { readSettings } from "@/lib/settings/queries";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { setUserAway } from "@/lib/users/mutations";
import { describeOnPostgres, freshPostgresDatabase } from "../support/databases";
import { tallyDrift } from "../support/report-tallies";

/** Resolves once `count` sessions of this database wait on a lock, so a test can release them all together. */
async function untilWaitingOnLocks(client: pg.Client, count: number) {
  for (let tries = 0; tries < 200; tries++) {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} sessions waited on a lock within 10 s`);
}

/** Friday 27 November 2026, 17:00 in Shanghai. */
const FRIDAY_5PM = new Date("2026-11-27T17:00:00+08:00");
const context: SubmissionContext = { channel: "FORM", locale: "zh-CN", source: {}, now: FRIDAY_5PM };

let counter = 0;
const unique = () => `${process.pid % 10_000}`.padStart(4, "0") + String(++counter).padStart(4, "0");
const newPhone = () => `137${unique()}`;

function inquiry(overrides: Partial<InquiryInput> = {}): InquiryInput {
  return {
    need: { deal: "buy", kind: "land", area: "20", areaUnit: "mu" },
    use: "智能制造：伺服电机生产",
    expectedAnnualTax: "300",
    investment: "5000",
    company: "平湖某某电机有限责任公司",
    contactName: "王先生",
    phone: newPhone(),
    consent: true,
    ...overrides,
  };
}

type Suite = { opened: OpenedDatabase; url?: string; cleanup: () => Promise<void> };

function leadIntakeSuite(open: () => Promise<Suite>, { postgres }: { postgres: boolean }) {
  let suite: Suite;
  const db = () => suite.opened.db;
  const viewers = {} as Record<"staff" | "manager" | "admin", Viewer>;

  async function makeUser(role: Role, state: { active?: boolean; away?: boolean } = {}): Promise<Viewer> {
    const email = `${role.toLowerCase()}-${unique()}@park.test`;
    const user = await db().user.create({
      data: { email, name: `${role} ${counter}`, role, passwordHash: "unused", ...state },
    });
    return { id: user.id, email, name: user.name, role };
  }

  /** Makes `count` fresh eligible staff the only ones round-robin may pick. */
  async function onlyEligibleStaff(count: number): Promise<Viewer[]> {
    await db().user.updateMany({ where: { role: "STAFF" }, data: { away: true } });
    const staff = [];
    for (let i = 0; i < count; i++) staff.push(await makeUser("STAFF"));
    return staff;
  }

  async function submit(body: InquiryInput, extra: Partial<SubmissionContext> = {}) {
    const result = await submitInquiry(db(), body, { ...context, ...extra });
    if (!result.ok) throw new Error(`inquiry refused: ${JSON.stringify(result)}`);
    return db().inquiry.findUniqueOrThrow({ where: { id: result.id }, include: { lead: true } });
  }

  beforeAll(async () => {
    suite = await open();
    viewers.staff = await makeUser("STAFF");
    viewers.manager = await makeUser("MANAGER");
    viewers.admin = await makeUser("ADMIN");
  });
  beforeEach(async () => {
    await db().setting.deleteMany();
  });
  afterAll(async () => {
    await suite?.cleanup();
  });

  it("starts a new lead with its key, tokens, need, source, listing, score, deadline, owner and first stage", async () => {
    const [officer] = await onlyEligibleStaff(1);
    const listing = await db().listing.findFirstOrThrow({ where: { published: true } });
    const body = inquiry({ listingId: listing.id, wechat: "wang_motor", annualOutput: "12000", employees: "80" });
    const { lead } = await submit(body, { source: { utmSource: "wechat" } });

    expect(lead).toMatchObject({
      companyKey: companyKey("平湖某某电机有限公司"),
      source: "wechat",
      listingId: listing.id,
      parkId: listing.parkId,
      needDeal: "BUY",
      needKind: "LAND",
      needAreaUnit: "MU",
      use: "智能制造：伺服电机生产",
      employees: 80,
      stageKey: "new",
      ownerId: officer.id,
      vetoed: false,
    });
    expect(lead.needArea?.toString()).toBe("20");
    expect(lead.investment?.toString()).toBe("5000");
    expect(lead.searchTokens).toEqual(expect.arrayContaining(["电机", "王先", "wang_motor".slice(0, 2)]));
    // Friday 17:00 with 4 working hours: due Monday 12:00 Shanghai.
    expect(lead.firstResponseDueAt).toEqual(new Date("2026-11-30T12:00:00+08:00"));
    expect(lead.assignedAt).toEqual(FRIDAY_5PM);
    expect(lead.stageChangedAt).toEqual(FRIDAY_5PM);
    const expected = scoreLead(lead, DEFAULT_SETTINGS.score);
    expect(lead.score).toBe(expected.total);
    expect(lead.scoreBreakdown).toEqual(expected);
    expect(lead.score).toBeGreaterThan(40);

    expect(
      await db().stageChange.findMany({
        where: { leadId: lead.id },
        select: { fromKey: true, toKey: true, changedAt: true },
      }),
    ).toEqual([{ fromKey: null, toKey: "new", changedAt: FRIDAY_5PM }]);
    const owner = await db().activity.findFirstOrThrow({ where: { leadId: lead.id, kind: "OWNER" } });
    expect(owner).toMatchObject({ actorId: null, details: { from: null, to: officer.id, rule: "round_robin" } });
    expect((await db().user.findUniqueOrThrow({ where: { id: officer.id } })).lastAssignedAt).not.toBeNull();
  });

  it("records the source as the UTM tag, else listing, api or direct", async () => {
    const listing = await db().listing.findFirstOrThrow({ where: { published: true } });
    expect((await submit(inquiry({ listingId: listing.id }))).lead.source).toBe("listing");
    expect((await submit(inquiry(), { channel: "API" })).lead.source).toBe("api");
    expect((await submit(inquiry())).lead.source).toBe("direct");
  });

  it("[round-robin] skips deactivated, away and non-staff users and rotates fairly", async () => {
    const staff = await onlyEligibleStaff(3);
    const away = await makeUser("STAFF", { away: true });
    const gone = await makeUser("STAFF", { active: false });
    const owners: (string | null)[] = [];
    for (let i = 0; i < 7; i++) owners.push((await submit(inquiry())).lead.ownerId);
    expect(owners.slice(0, 3).sort()).toEqual(staff.map((user) => user.id).sort());
    expect(owners.slice(3, 6)).toEqual(owners.slice(0, 3));
    expect(owners[6]).toBe(owners[0]);
    for (const ineligible of [away.id, gone.id, viewers.manager.id, viewers.admin.id])
      expect(owners).not.toContain(ineligible);
  });

  it("[round-robin] leaves the lead in the unassigned pool when nobody is eligible, with its deadline", async () => {
    await db().user.updateMany({ where: { role: "STAFF" }, data: { away: true } });
    const { lead } = await submit(inquiry());
    expect(lead).toMatchObject({ ownerId: null, assignedAt: null, stageKey: "new" });
    expect(lead.firstResponseDueAt).not.toBeNull();
    expect(await db().activity.count({ where: { leadId: lead.id, kind: "OWNER" } })).toBe(0);
  });

  it("[park-owner] gives the lead to the park's owner, and falls back to round-robin when they are away or the park has none", async () => {
    const [officer] = await onlyEligibleStaff(1);
    const parkOwner = await makeUser("MANAGER");
    const listing = await db().listing.findFirstOrThrow({ where: { published: true } });
    await db().park.update({ where: { id: listing.parkId }, data: { ownerId: parkOwner.id } });
    expect(await updateAssignmentSettings(db(), viewers.admin, { rule: "park_owner" })).toMatchObject({
      ok: true,
      changed: true,
    });

    const owned = await submit(inquiry({ listingId: listing.id }));
    expect(owned.lead.ownerId).toBe(parkOwner.id);
    expect(await db().activity.findFirstOrThrow({ where: { leadId: owned.lead.id, kind: "OWNER" } })).toMatchObject({
      details: { rule: "park_owner" },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: parkOwner.id } })).lastAssignedAt).toBeNull();

    expect((await submit(inquiry())).lead.ownerId).toBe(officer.id);
    await setUserAway(db(), viewers.admin, { userId: parkOwner.id, away: true });
    expect((await submit(inquiry({ listingId: listing.id }))).lead.ownerId).toBe(officer.id);
    await setUserAway(db(), viewers.admin, { userId: parkOwner.id, away: false });
    await db().user.update({ where: { id: parkOwner.id }, data: { active: false } });
    expect((await submit(inquiry({ listingId: listing.id }))).lead.ownerId).toBe(officer.id);
    await db().park.update({ where: { id: listing.parkId }, data: { ownerId: null } });
  });

  it("uses changed working hours on the next inquiry", async () => {
    await updateWorkingHoursSettings(db(), viewers.admin, {
      firstResponseHours: 2,
      start: "08:30",
      end: "17:30",
      holidays: "2026-11-30",
    });
    const { lead } = await submit(inquiry());
    // After 17:00 Friday: 30 minutes, then Monday is a holiday, so Tuesday 08:30 + 1.5 h.
    expect(lead.firstResponseDueAt).toEqual(new Date("2026-12-01T10:00:00+08:00"));
    expect(lead.firstResponseDueAt).toEqual(addWorkingHours(FRIDAY_5PM, 2, (await readSettings(db())).workingHours));
  });

  it("updates the need and score on a repeated inquiry but keeps owner, deadline and stage", async () => {
    await onlyEligibleStaff(2);
    const phone = newPhone();
    const first = await submit(inquiry({ phone, creditCode: undefined }));
    await db().lead.update({
      where: { id: first.lead.id },
      data: { stageKey: "contacted", industry: "半导体封装", notes: "已电话沟通" },
    });
    const later = new Date(FRIDAY_5PM.getTime() + 3 * 86_400_000);
    const second = await submit(
      inquiry({
        phone,
        company: "平湖某某电机有限公司",
        need: { deal: "rent", kind: "factory", area: "3000", areaUnit: "sqm" },
        investment: undefined,
        employees: "150",
        expectedAnnualTax: "900",
      }),
      { now: later },
    );
    const lead = second.lead;
    expect(lead.id).toBe(first.lead.id);
    expect(lead).toMatchObject({
      ownerId: first.lead.ownerId,
      stageKey: "contacted",
      needDeal: "RENT",
      needKind: "FACTORY",
      needAreaUnit: "SQM",
      employees: 150,
      company: first.lead.company,
      version: first.lead.version + 1,
      lastInquiryAt: later,
    });
    expect(lead.firstResponseDueAt).toEqual(first.lead.firstResponseDueAt);
    expect(lead.expectedAnnualTax?.toString()).toBe("900");
    // Left blank this time: the lead keeps the investment it knew.
    expect(lead.investment?.toString()).toBe("5000");
    expect(lead.score).toBe(scoreLead(lead, DEFAULT_SETTINGS.score).total);
    expect(lead.score).not.toBe(first.lead.score);
    expect(
      (lead.scoreBreakdown as { parts: { key: string; value: unknown }[] }).parts.find(
        (part) => part.key === "technology",
      )?.value,
    ).toBe("半导体");
    expect(lead.searchTokens).toEqual(expect.arrayContaining(["沟通"]));
    expect(await db().stageChange.count({ where: { leadId: lead.id } })).toBe(1);
    expect(await db().inquiry.count({ where: { leadId: lead.id } })).toBe(2);
  });

  it("brings an archived lead back to the inbox when its investor asks again", async () => {
    const first = (await submit(inquiry())).lead;
    await db().lead.update({ where: { id: first.id }, data: { archivedAt: new Date() } });
    const again = (await submit(inquiry({ phone: first.phone }))).lead;
    expect(again.id).toBe(first.id);
    expect(again.archivedAt).toBeNull();
  });

  it("joins an inquiry from a merged-away lead's phone to the surviving lead, through a chain of merges", async () => {
    const merged = (await submit(inquiry())).lead;
    const middle = (await submit(inquiry())).lead;
    const survivor = (await submit(inquiry({ use: "新能源电池" }))).lead;
    await db().lead.update({ where: { id: merged.id }, data: { mergedIntoId: middle.id } });
    await db().lead.update({ where: { id: middle.id }, data: { mergedIntoId: survivor.id } });
    const leads = await db().lead.count();

    const joined = await submit(inquiry({ phone: merged.phone, use: "汽车零部件电镀" }));
    expect(joined.leadId).toBe(survivor.id);
    expect(await db().lead.count()).toBe(leads);
    expect(joined.lead).toMatchObject({ use: "汽车零部件电镀", vetoed: true, score: 0, ownerId: survivor.ownerId });
    expect(await db().lead.findUniqueOrThrow({ where: { id: merged.id } })).toMatchObject({
      use: merged.use,
      version: merged.version,
    });
  });

  it("re-reads the lead when it changed between reading and writing, so the edit is not lost", async () => {
    const { readIntakeTarget } = await import("@/lib/leads/intake/intake");
    const { storeInquiry } = await import("@/lib/inquiries/store-inquiry");
    const { inquirySchema } = await import("@/lib/inquiries/schema");
    const first = (await submit(inquiry())).lead;
    const stale = await readIntakeTarget(db(), first.phone);
    await db().lead.update({ where: { id: first.id }, data: { industry: "芯片设计" } });
    const parsed = inquirySchema.parse(inquiry({ phone: first.phone }));
    const settings = await readSettings(db());
    const attempt = await storeInquiry(
      db(),
      parsed,
      { ...context, requestHash: "test", reference: `PL-000000-${unique().slice(-5)}` },
      { channel: "FORM", source: {}, listing: null, settings, now: FRIDAY_5PM, target: stale },
      null,
    );
    expect(attempt).toMatchObject({ allowed: true, inquiry: null });
    expect(await db().inquiry.count({ where: { leadId: first.id } })).toBe(1);

    const joined = (await submit(inquiry({ phone: first.phone }))).lead;
    expect(joined).toMatchObject({ id: first.id, industry: "芯片设计" });
    expect(joined.scoreBreakdown).toEqual(scoreLead(joined, settings.score));
  });

  it("assigns concurrent new inquiries only to eligible staff and makes one lead per phone", async () => {
    const staff = await onlyEligibleStaff(3);
    const phone = newPhone();
    const results = await Promise.all([
      ...Array.from({ length: 12 }, () => submitInquiry(db(), inquiry(), context)),
      ...Array.from({ length: 5 }, (_, i) =>
        submitInquiry(db(), inquiry({ phone, use: `同一手机号并发咨询 ${i}` }), context),
      ),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const ids = results.flatMap((result) => (result.ok ? [result.id] : []));
    const leads = await db().lead.findMany({
      where: { inquiries: { some: { id: { in: ids } } } },
      include: { _count: { select: { inquiries: true, stageChanges: true } } },
    });
    expect(leads).toHaveLength(13);
    expect(leads.find((lead) => lead.phone === phone)?._count).toEqual({ inquiries: 5, stageChanges: 1 });
    const eligible = new Set(staff.map((user) => user.id));
    expect(leads.every((lead) => lead.ownerId !== null && eligible.has(lead.ownerId))).toBe(true);
    for (const user of staff) expect(leads.filter((lead) => lead.ownerId === user.id).length).toBeGreaterThanOrEqual(2);
  });

  it("refuses invalid settings with field errors and stores nothing", async () => {
    const admin = viewers.admin;
    expect(await updateAssignmentSettings(db(), admin, { rule: "random" })).toEqual({
      ok: false,
      fieldErrors: { rule: "choice" },
    });
    expect(await updateWorkingHoursSettings(db(), admin, { start: "18:00", end: "09:00" })).toEqual({
      ok: false,
      fieldErrors: { end: "endBeforeStart" },
    });
    expect(
      await updateWorkingHoursSettings(db(), admin, {
        start: "9am",
        holidays: "2026-02-30",
        days: [],
        firstResponseHours: "0",
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { start: "time", holidays: "date", days: "required", firstResponseHours: "positive" },
    });
    const weights = { ...DEFAULT_SETTINGS.score.weights, tax: 11 };
    expect(await updateScoreSettings(db(), admin, { weights })).toEqual({
      ok: false,
      fieldErrors: { weights: "weightsSum:95" },
    });
    expect(await updateScoreSettings(db(), admin, { weights: DEFAULT_SETTINGS.score.weights, extra: 1 })).toEqual({
      ok: false,
      fieldErrors: { extra: "unknownField" },
    });
    expect(await db().setting.count()).toBe(0);
  });

  it("[ANONYMOUS, STAFF, MANAGER] cannot change settings; [ADMIN] can, audited with before and after", async () => {
    for (const viewer of [null, viewers.staff, viewers.manager]) {
      await expect(updateAssignmentSettings(db(), viewer, { rule: "park_owner" })).rejects.toThrow(AccessDenied);
      await expect(updateWorkingHoursSettings(db(), viewer, { firstResponseHours: 8 })).rejects.toThrow(AccessDenied);
      await expect(updateScoreSettings(db(), viewer, {})).rejects.toThrow(AccessDenied);
    }
    expect(await db().setting.count()).toBe(0);
    expect(await updateWorkingHoursSettings(db(), viewers.admin, { firstResponseHours: 8 })).toEqual({
      ok: true,
      changed: true,
    });
    const entry = await db().auditEntry.findFirstOrThrow({
      where: { action: "settings.update", entityId: "workingHours" },
      orderBy: { createdAt: "desc" },
    });
    expect(entry).toMatchObject({
      actorId: viewers.admin.id,
      details: { before: { firstResponseHours: 4 }, after: { firstResponseHours: 8 } },
    });
    expect(await updateWorkingHoursSettings(db(), viewers.admin, { firstResponseHours: 8 })).toEqual({
      ok: true,
      changed: false,
    });
  });

  it("[ANONYMOUS, STAFF, MANAGER] cannot set another user away; everyone can set themselves; [ADMIN] anyone, audited", async () => {
    const target = await makeUser("STAFF");
    for (const viewer of [null, viewers.staff, viewers.manager]) {
      await expect(setUserAway(db(), viewer, { userId: target.id, away: true })).rejects.toThrow(AccessDenied);
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).away).toBe(false);
    expect(await setUserAway(db(), target, { userId: target.id, away: true })).toEqual({ ok: true });
    expect(await setUserAway(db(), viewers.admin, { userId: target.id, away: false })).toEqual({ ok: true });
    expect(await setUserAway(db(), viewers.admin, { userId: "nobody", away: true })).toEqual({
      ok: false,
      fieldErrors: { userId: "notFound" },
    });
    expect(await setUserAway(db(), viewers.admin, { userId: target.id, away: "yes" })).toEqual({
      ok: false,
      fieldErrors: { away: "invalid" },
    });
    const entries = await db().auditEntry.findMany({
      where: { action: "user.away", entityId: target.id },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => [entry.actorId, entry.details])).toEqual([
      [target.id, { away: [false, true] }],
      [viewers.admin.id, { away: [true, false] }],
    ]);
  });

  it("re-scores every lead when the score settings change, and rescoreLead follows an edit", async () => {
    const lead = (await submit(inquiry({ use: "服装加工" }))).lead;
    expect(lead.vetoed).toBe(false);
    const answer = await updateScoreSettings(db(), viewers.admin, {
      vetoes: { bannedIndustries: "服装", minExpectedTax: "" },
    });
    expect(answer).toMatchObject({ ok: true, changed: true });
    expect(answer.ok && answer.rescored).toBeGreaterThanOrEqual(1);
    expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ vetoed: true, score: 0 });
    const others = await db().lead.findMany({
      where: { use: { not: { contains: "服装" } }, mergedIntoId: null },
      take: 20,
    });
    for (const other of others) expect(other.vetoed).toBe(false);

    await db().$transaction(async (tx) => {
      await tx.lead.update({ where: { id: lead.id }, data: { use: "精密模具" } });
      await rescoreLead(tx, lead.id);
    });
    expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ vetoed: false });
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).score).toBeGreaterThan(0);
  });

  it("backfills company key, search tokens and score of leads stored before the migration, once", async () => {
    const phone = newPhone();
    await db().$executeRaw`
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "use", "expectedAnnualTax", "updatedAt")
      VALUES (${`legacy${unique()}`}, ${phone}, 'ＡＢＣ精密（平湖）股份有限公司', '李女士', '精密零件', 120, now())`;
    expect(await backfillLeads(db())).toBe(1);
    const lead = await db().lead.findUniqueOrThrow({ where: { phone } });
    expect(lead.companyKey).toBe("abc精密(平湖)有限公司");
    expect(lead.searchTokens).toEqual(expect.arrayContaining(["精密", "李女", "abc"]));
    expect(lead.score).toBe(scoreLead(lead, DEFAULT_SETTINGS.score).total);
    expect(await backfillLeads(db())).toBe(0);
  });

  it("folds the report tallies while inquiries keep arriving: no deadlock, nothing counted twice or lost", async () => {
    const arrivals = Promise.all(Array.from({ length: 10 }, () => submitInquiry(db(), inquiry(), context)));
    const folds = Promise.all(Array.from({ length: 3 }, () => db().$executeRaw`SELECT report_tally_fold()`));
    const [results] = await Promise.all([arrivals, folds]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await tallyDrift(db())).toEqual([]);
  });

  it("keeps when a reply within one working day is due: stored at intake, filled in for leads stored before", async () => {
    // Friday 17:00 is within working hours: due at the same time on the next working day, Monday.
    const lead = (await submit(inquiry())).lead;
    expect(lead.dayResponseDueAt).toEqual(new Date("2026-11-30T17:00:00+08:00"));
    const phone = newPhone();
    await db().$executeRaw`
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "use", "expectedAnnualTax", "createdAt", "updatedAt")
      VALUES (${`legacy${unique()}`}, ${phone}, '旧线索有限公司', '赵先生', '仓储', 10, ${new Date("2026-11-28T10:00:00+08:00")}, now())`;
    expect(await backfillResponseDeadlines(db())).toBeGreaterThanOrEqual(1);
    // Saturday: the clock starts Monday 09:00, so it is due Tuesday 09:00.
    expect((await db().lead.findUniqueOrThrow({ where: { phone } })).dayResponseDueAt).toEqual(
      new Date("2026-12-01T09:00:00+08:00"),
    );
    expect(await backfillResponseDeadlines(db())).toBe(0);
  });

  it("shows each user their new leads, today's follow-ups and what is overdue; managers also every late lead and stage counts", async () => {
    const [officer] = await onlyEligibleStaff(1);
    // Thursday 10:00, due 14:00: the earliest deadline of this database.
    const lead = (await submit(inquiry(), { now: new Date("2026-11-26T10:00:00+08:00") })).lead;
    const now = new Date("2026-11-30T15:00:00+08:00");
    await db().task.createMany({
      data: [
        {
          leadId: lead.id,
          assigneeId: officer.id,
          title: "回电确认面积",
          dueAt: new Date("2026-11-30T17:00:00+08:00"),
        },
        {
          leadId: lead.id,
          assigneeId: officer.id,
          title: "发送房源资料",
          dueAt: new Date("2026-11-30T10:00:00+08:00"),
        },
        { leadId: lead.id, assigneeId: officer.id, title: "明天再联系", dueAt: new Date("2026-12-01T10:00:00+08:00") },
      ],
    });
    const mine = await dashboardSummary(db(), officer, now);
    expect(mine.myNew.leads.map((row) => row.id)).toEqual([lead.id]);
    expect(mine.dueToday.tasks.map((task) => task.title)).toEqual(["回电确认面积"]);
    expect(mine.overdue.tasks.map((task) => task.title)).toEqual(["发送房源资料"]);
    // Due Thursday 14:00, unanswered on Monday at 15:00: 4 + 9 + 6 working hours late.
    expect(mine.overdue.leads).toEqual([expect.objectContaining({ id: lead.id, lateBy: 19 })]);
    expect(mine.manager).toBeNull();

    const managed = await dashboardSummary(db(), viewers.manager, now);
    expect(managed.manager?.late.leads.some((row) => row.id === lead.id)).toBe(true);
    expect(managed.manager?.stages.find((stage) => stage.key === "new")?.leads).toBeGreaterThan(0);
    await expect(dashboardSummary(db(), null, now)).rejects.toThrow(AccessDenied);

    await db().lead.update({ where: { id: lead.id }, data: { firstRespondedAt: now } });
    expect((await dashboardSummary(db(), officer, now)).overdue.leads).toEqual([]);
  });

  if (postgres)
    it("skips an officer whose away switch is being saved, and never waits for a free one", async () => {
      const [first, second] = await onlyEligibleStaff(2);
      await withSecondSession(async (client) => {
        await client.query("BEGIN");
        await client.query(`UPDATE "User" SET "away" = true WHERE "id" = $1`, [first.id]);
        // Resolves while the switch is uncommitted: the locked officer is skipped, not waited for.
        expect((await submit(inquiry())).lead.ownerId).toBe(second.id);
        await db().user.update({ where: { id: second.id }, data: { away: true } });
        // Now the only candidate is the locked one: the intake waits, re-checks and finds them away.
        const pending = submit(inquiry());
        await untilWaitingOnLocks(client, 1);
        await client.query("COMMIT");
        expect((await pending).lead.ownerId).toBeNull();

        // Every eligible officer busy with another lead: wait for one rather than leave the lead unassigned.
        const [third] = await onlyEligibleStaff(1);
        await client.query("BEGIN");
        await client.query(`SELECT 1 FROM "User" WHERE "id" = $1 FOR UPDATE`, [third.id]);
        const waiting = submit(inquiry());
        await untilWaitingOnLocks(client, 1);
        await client.query("COMMIT");
        expect((await waiting).lead.ownerId).toBe(third.id);
      });
    });

  /** A second session on the suite's database, beside the app's pool, for holding locks. */
  async function withSecondSession(run: (client: pg.Client) => Promise<void>) {
    const client = new pg.Client({ connectionString: suite.url });
    await client.connect();
    try {
      await run(client);
    } finally {
      await client.end();
    }
  }

  /** Stands for a first inquiry from this phone being stored right now, until the session commits. */
  async function holdPhone(client: pg.Client, phone: string) {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [NEW_PHONE_LOCK, phone]);
  }

  if (postgres)
    it("shares out the leads that wait while every officer is busy, instead of queueing them behind one officer", async () => {
      const staff = await onlyEligibleStaff(3);
      await withSecondSession(async (client) => {
        await client.query("BEGIN");
        await client.query(`SELECT 1 FROM "User" WHERE "id" = ANY($1) FOR UPDATE`, [staff.map((user) => user.id)]);
        const waiting = Promise.all(Array.from({ length: 9 }, () => submit(inquiry())));
        await untilWaitingOnLocks(client, 9);
        await client.query("COMMIT");
        const owners = (await waiting).map((stored) => stored.lead.ownerId);
        expect(staff.map((user) => owners.filter((owner) => owner === user.id).length)).toEqual([3, 3, 3]);
      });
    });

  if (postgres)
    it("passes over an officer given a lead after the intake began, though its snapshot still shows them next", async () => {
      const [next, after] = await onlyEligibleStaff(2);
      const phone = newPhone();
      await withSecondSession(async (client) => {
        // The intake takes its snapshot, then waits on the phone while `next` is given another lead.
        await holdPhone(client, phone);
        const pending = submit(inquiry({ phone }));
        await untilWaitingOnLocks(client, 1);
        await client.query(`UPDATE "User" SET "lastAssignedAt" = clock_timestamp() WHERE "id" = $1`, [next.id]);
        await client.query("COMMIT");
        expect((await pending).lead.ownerId).toBe(after.id);
      });
    });

  if (postgres)
    it("lets a first inquiry that waits on another from the same phone hold no officer meanwhile", async () => {
      const [officer] = await onlyEligibleStaff(1);
      const phone = newPhone();
      await withSecondSession(async (client) => {
        await holdPhone(client, phone);
        const samePhone = submit(inquiry({ phone }));
        await untilWaitingOnLocks(client, 1);
        expect((await submit(inquiry())).lead.ownerId).toBe(officer.id);
        await client.query("COMMIT");
        expect((await samePhone).lead.ownerId).toBe(officer.id);
      });
    });

  // Every intake, move, merge and reassignment above went through the database triggers that keep the report tallies.
  it("kept the report tallies equal to a recount of every lead and inquiry", async () => {
    expect(await tallyDrift(db())).toEqual([]);
  });
}

describe("lead intake on PGlite", () => {
  leadIntakeSuite(
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), "parklead-intake-"));
      const opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: true });
      return {
        opened,
        cleanup: async () => {
          await opened.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
    { postgres: false },
  );
});

describeOnPostgres("lead intake on PostgreSQL", () => {
  leadIntakeSuite(
    async () => {
      const database = await freshPostgresDatabase();
      const opened = await openAppDatabase({ kind: "postgres", url: database.url, poolSize: 25, seedDemo: true });
      return {
        opened,
        url: database.url,
        cleanup: async () => {
          await opened.close();
          await database.drop();
        },
      };
    },
    { postgres: true },
  );
});
