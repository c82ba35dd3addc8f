import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { clearActual, recordActual, setPlan } from "@/lib/projects/milestones/mutations";
import { milestonesOf, milestonesSectionData } from "@/lib/projects/milestones/queries";
import { planInForce } from "@/lib/projects/plan";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeHoldPark, type HoldPark } from "../support/inventory-fixtures";
import { makeProject } from "../support/project-fixtures";

/*
 * Milestone plans and actuals (lib/projects/milestones): the first plan is the contract's and takes effect at the
 * signing, a re-plan needs a reason and takes effect when made, each is kept in the history; an actual is not
 * after today, 注册 takes a valid credit code; only the owner or a manager, never on a terminated project.
 */
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const SIGNED_AT = new Date("2026-01-10T02:00:00.000Z");
const PLANS = {
  REGISTERED: "2026-02-01",
  LAND_HANDOVER: "2026-03-01",
  CONSTRUCTION_START: "2026-05-01",
  COMPLETION: "2027-05-01",
  PRODUCTION: "2027-09-01",
  FULL_PRODUCTION: "2028-09-01",
};

function milestonesSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let park: HoldPark;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    park = await makeHoldPark(opened.db, 0);
  });
  afterAll(async () => {
    await cleanup();
  });

  const versionOf = async (projectId: string) =>
    (await opened.db.project.findUniqueOrThrow({ where: { id: projectId }, select: { version: true } })).version;
  const milestone = (projectId: string, kind: string) =>
    opened.db.projectMilestone.findFirstOrThrow({ where: { projectId, kind: kind as never } });
  const history = (projectId: string, kind: string) =>
    opened.db.milestonePlanChange.findMany({
      where: { projectId, kind: kind as never },
      orderBy: { effectiveAt: "asc" },
    });

  it("takes the six planned days at once as the contract's plan, in force from the signing", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    const answer = await setPlan(db, park.staff, { projectId, version: 1, plans: PLANS });
    expect(answer).toEqual({ ok: true, version: 2, changed: 6 });
    const start = await milestone(projectId, "CONSTRUCTION_START");
    expect(start.plannedOn).toEqual(day("2026-05-01"));
    expect(start.plannedSince).toEqual(SIGNED_AT);
    const [first, ...more] = await history(projectId, "CONSTRUCTION_START");
    expect(more).toHaveLength(0);
    expect(first).toMatchObject({
      plannedOn: day("2026-05-01"),
      previousOn: null,
      effectiveAt: SIGNED_AT,
      reason: null,
      actorId: park.staff.id,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: projectId, action: "project.milestone_plan" },
    });
    expect(audit.details).toMatchObject({ plans: { CONSTRUCTION_START: [null, "2026-05-01"] } });
    // The same days again change nothing and need no reason.
    expect(await setPlan(db, park.staff, { projectId, version: 2, plans: PLANS })).toEqual({
      ok: true,
      version: 2,
      changed: 0,
    });
  });

  it("re-plans with a reason from now on, keeping the contract's plan in force before", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    await setPlan(db, park.staff, { projectId, version: 1, plans: PLANS });
    const moved = { projectId, version: 2, plans: { CONSTRUCTION_START: "2026-08-01" } };
    expect(await setPlan(db, park.staff, moved)).toEqual({ ok: false, fieldErrors: { reason: "replanReason" } });
    expect(await setPlan(db, park.staff, { ...moved, reason: "环" })).toEqual({
      ok: false,
      fieldErrors: { reason: "tooShort:2" },
    });
    const before = new Date();
    expect(await setPlan(db, park.staff, { ...moved, reason: "环评批复推迟" })).toEqual({
      ok: true,
      version: 3,
      changed: 1,
    });
    const start = await milestone(projectId, "CONSTRUCTION_START");
    expect(start.plannedOn).toEqual(day("2026-08-01"));
    expect(start.plannedSince!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const changes = await history(projectId, "CONSTRUCTION_START");
    expect(changes.map((change) => [change.previousOn, change.plannedOn, change.reason])).toEqual([
      [null, day("2026-05-01"), null],
      [day("2026-05-01"), day("2026-08-01"), "环评批复推迟"],
    ]);
    expect(planInForce(start, changes, new Date(before.getTime() - 1))).toEqual(day("2026-05-01"));
    expect(planInForce(start, changes, new Date())).toEqual(day("2026-08-01"));
    // The other milestones kept their contract plan.
    expect(await history(projectId, "PRODUCTION")).toHaveLength(1);
  });

  it("clears a plan only with a reason, and a plan after a cleared one is a re-plan too", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    await setPlan(db, park.staff, { projectId, version: 1, plans: { LAND_HANDOVER: "2026-03-01" } });
    const clear = { projectId, version: 2, plans: { LAND_HANDOVER: "" } };
    expect(await setPlan(db, park.staff, clear)).toEqual({ ok: false, fieldErrors: { reason: "replanReason" } });
    const before = Date.now();
    expect((await setPlan(db, park.staff, { ...clear, reason: "改为租赁厂房，不再拿地" })).ok).toBe(true);
    const land = await milestone(projectId, "LAND_HANDOVER");
    // "No plan" holds from the clearing, like any re-plan: a report of a day before it still sees 03-01.
    expect(land.plannedOn).toBeNull();
    expect(land.plannedSince?.getTime()).toBeGreaterThanOrEqual(before);
    expect(land.plannedSince?.getTime()).toBeLessThanOrEqual(Date.now());
    const again = { projectId, version: 3, plans: { LAND_HANDOVER: "2026-06-01" } };
    expect(await setPlan(db, park.staff, again)).toEqual({ ok: false, fieldErrors: { reason: "replanReason" } });
    expect((await setPlan(db, park.staff, { ...again, reason: "恢复拿地" })).ok).toBe(true);
    const changes = await history(projectId, "LAND_HANDOVER");
    expect(changes.map((change) => change.plannedOn)).toEqual([day("2026-03-01"), null, day("2026-06-01")]);
    expect(changes[2].effectiveAt.getTime()).toBeGreaterThan(SIGNED_AT.getTime());
  });

  it("refuses a stale form, bad days, someone else's project and a terminated one", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    expect(await setPlan(db, park.staff, { projectId, version: 7, plans: PLANS })).toEqual({
      ok: false,
      fieldErrors: { version: "versionChanged" },
    });
    expect(await setPlan(db, park.staff, { projectId, version: 1, plans: { REGISTERED: "2026-02-30" } })).toEqual({
      ok: false,
      fieldErrors: { "plans.REGISTERED": "date" },
    });
    expect(await setPlan(db, park.staff, { projectId, version: 1, plans: { OPENING: "2026-02-01" } })).toMatchObject({
      ok: false,
    });
    expect(await setPlan(db, park.otherStaff, { projectId, version: 1, plans: PLANS })).toEqual({
      ok: false,
      fieldErrors: { projectId: "notFound" },
    });
    expect((await setPlan(db, park.manager, { projectId, version: 1, plans: PLANS })).ok).toBe(true);
    await db.project.update({ where: { id: projectId }, data: { status: "TERMINATED", terminatedAt: new Date() } });
    expect(
      await setPlan(db, park.manager, { projectId, version: 2, plans: { REGISTERED: "" }, reason: "解约" }),
    ).toEqual({ ok: false, fieldErrors: { projectId: "terminated" } });
    expect(await versionOf(projectId)).toBe(2);
  });

  it("records 注册 with a valid credit code and the registered name, and takes back a mistaken actual", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    const base = { projectId, version: 1, kind: "REGISTERED", actualOn: "2026-02-03" };
    expect(await recordActual(db, park.staff, base)).toEqual({ ok: false, fieldErrors: { creditCode: "required" } });
    expect(await recordActual(db, park.staff, { ...base, creditCode: "91110108551385083Q" })).toEqual({
      ok: false,
      fieldErrors: { creditCode: "creditCode" },
    });
    expect(
      await recordActual(db, park.staff, { ...base, actualOn: "2099-01-01", creditCode: "91110108551385082Q" }),
    ).toEqual({ ok: false, fieldErrors: { actualOn: "future" } });
    expect(
      await recordActual(db, park.staff, {
        ...base,
        creditCode: "９１１１０１０８５５１３８５０８２ｑ",
        companyName: "精工装备（嘉兴）有限公司",
        note: "营业执照已领取",
      }),
    ).toEqual({ ok: true, version: 2, changed: 1 });
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect([project.creditCode, project.companyName]).toEqual(["91110108551385082Q", "精工装备（嘉兴）有限公司"]);
    const registered = await milestone(projectId, "REGISTERED");
    expect(registered).toMatchObject({
      actualOn: day("2026-02-03"),
      note: "营业执照已领取",
      recordedById: park.staff.id,
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: projectId, action: "project.milestone_actual" },
    });
    expect(audit.details).toMatchObject({ kind: "REGISTERED", actualOn: [null, "2026-02-03"], creditCode: true });

    // A credit code belongs to 注册 only.
    expect(
      await recordActual(db, park.staff, {
        projectId,
        version: 2,
        kind: "CONSTRUCTION_START",
        actualOn: "2026-03-01",
        creditCode: "91110108551385082Q",
      }),
    ).toEqual({ ok: false, fieldErrors: { creditCode: "registeredOnly" } });
    // Another officer cannot record or clear it; the owner clears it with a reason.
    expect(
      (await clearActual(db, park.otherStaff, { projectId, version: 2, kind: "REGISTERED", reason: "错录" })).ok,
    ).toBe(false);
    expect(await clearActual(db, park.staff, { projectId, version: 2, kind: "REGISTERED", reason: "" })).toEqual({
      ok: false,
      fieldErrors: { reason: "required" },
    });
    expect(
      await clearActual(db, park.staff, { projectId, version: 2, kind: "REGISTERED", reason: "日期登记错了" }),
    ).toEqual({ ok: true, version: 3, changed: 1 });
    expect((await milestone(projectId, "REGISTERED")).actualOn).toBeNull();
    const cleared = await db.auditEntry.findFirstOrThrow({
      where: { entityId: projectId, action: "project.milestone_actual_clear" },
    });
    expect(cleared.details).toMatchObject({ kind: "REGISTERED", actualOn: "2026-02-03", reason: "日期登记错了" });
  });

  it("reads each milestone late, due soon, done or done late against the plan in force when it was recorded", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    const now = new Date("2026-04-20T04:00:00.000Z");
    await db.projectMilestone.updateMany({
      where: { projectId, kind: "REGISTERED" },
      data: { plannedOn: day("2026-02-01"), plannedSince: SIGNED_AT, actualOn: day("2026-02-05"), recordedAt: now },
    });
    await db.milestonePlanChange.create({
      data: { projectId, kind: "REGISTERED", plannedOn: day("2026-02-01"), effectiveAt: SIGNED_AT },
    });
    await db.projectMilestone.updateMany({
      where: { projectId, kind: "LAND_HANDOVER" },
      data: { plannedOn: day("2026-04-19"), plannedSince: SIGNED_AT },
    });
    await db.projectMilestone.updateMany({
      where: { projectId, kind: "CONSTRUCTION_START" },
      data: { plannedOn: day("2026-05-20"), plannedSince: SIGNED_AT },
    });
    await db.projectMilestone.updateMany({
      where: { projectId, kind: "COMPLETION" },
      data: { plannedOn: day("2026-05-21"), plannedSince: SIGNED_AT },
    });
    const read = await milestonesOf(db, park.staff, projectId, now);
    expect(read?.warnDays).toBe(30);
    expect(read?.milestones.map((one) => [one.kind, one.state, one.doneLate])).toEqual([
      ["REGISTERED", null, true],
      ["LAND_HANDOVER", "late", false],
      ["CONSTRUCTION_START", "dueSoon", false],
      ["COMPLETION", null, false],
      ["PRODUCTION", null, false],
      ["FULL_PRODUCTION", null, false],
    ]);
    expect(read?.milestones[0].history).toEqual([
      expect.objectContaining({ plannedOn: "2026-02-01", previousOn: null, reason: null }),
    ]);
    expect(await milestonesOf(db, park.otherStaff, projectId, now)).toBeNull();
    expect(await milestonesOf(db, park.manager, projectId, now)).not.toBeNull();
  });

  it("reads the project page's milestones section with the project's evidence, nothing outside the viewer's scope", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    const otherId = await makeProject(db, { ownerId: park.staff.id, signedAt: SIGNED_AT });
    await db.projectEvidence.create({
      data: {
        projectId,
        kind: "NOTE",
        milestoneKind: "REGISTERED",
        note: "已取得营业执照",
        uploadedById: park.staff.id,
      },
    });
    await db.projectEvidence.create({
      data: { projectId: otherId, kind: "NOTE", note: "另一个项目的说明", uploadedById: park.staff.id },
    });
    const read = await milestonesSectionData(db, park.staff, projectId);
    expect(read?.project.projectId).toBe(projectId);
    expect(read?.project.milestones).toHaveLength(6);
    expect(read?.evidence.map((one) => [one.kind, one.milestoneKind, one.note])).toEqual([
      ["NOTE", "REGISTERED", "已取得营业执照"],
    ]);
    expect(await milestonesSectionData(db, park.otherStaff, projectId)).toBeNull();
    expect((await milestonesSectionData(db, park.manager, projectId))?.evidence).toHaveLength(1);
  });
}

describe("project milestones (PGlite)", () => milestonesSuite(openTestPglite));
describeOnPostgres("project milestones (PostgreSQL)", () => milestonesSuite(() => openTestPostgres()));
