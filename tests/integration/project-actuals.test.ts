import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { AccessDenied } from "@/lib/auth/access";
import { addFunding, deleteFunding, saveFundingPlan } from "@/lib/projects/funding/mutations";
import { projectFunding } from "@/lib/projects/funding/queries";
import { saveParkYardsticks } from "@/lib/projects/evaluation-parks/mutations";
import { parkYardsticks } from "@/lib/projects/evaluation-parks/queries";
import { saveProjectYear } from "@/lib/projects/years/mutations";
import { projectYears } from "@/lib/projects/years/queries";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import { updateDeliverySettings } from "@/lib/settings/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeDeliveryPark, makeProject } from "../support/delivery-fixtures";
import { makeUser } from "../support/inventory-fixtures";
import { at } from "../support/report-views";

/*
 * 到资 and yearly actuals (lib/projects/funding, lib/projects/years) and the delivery rules they are classed by
 * (the settings section and each park's yardsticks), on a project signed 2024-05-10 with 5,000 万元 committed,
 * 20 亩 of land and a promise of 6,000 万元 output, 300 万元 tax and 100 jobs a year.
 */
const OCTOBER_FIRST = at("2026-10-01 12:00");
const PLAN = [
  { dueOn: "2027-06-30", amount: "2500" },
  { dueOn: "2026-03-31", amount: "1000" },
  { dueOn: "2026-09-30", amount: "1,500" },
];

function actualsSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let staff: Viewer, otherStaff: Viewer, manager: Viewer, admin: Viewer;
  let parkId: string;
  let slug = 0;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    const db = opened.db;
    [staff, otherStaff, manager, admin] = await Promise.all([
      makeUser(db, "STAFF", "王芳"),
      makeUser(db, "STAFF", "李强"),
      makeUser(db, "MANAGER", "张经理"),
      makeUser(db, "ADMIN", "管理员"),
    ]);
    parkId = (await makeDeliveryPark(db, "actuals", "实绩园")).id;
  });
  afterAll(async () => {
    await cleanup();
  });

  const project = (ownerId = staff.id, extra: { parkId?: string } = {}) =>
    makeProject(opened.db, {
      name: `实绩项目${(slug += 1)}`,
      parkId: extra.parkId ?? parkId,
      ownerId,
      signedAt: "2024-05-10 10:00",
      totalInvestment: 5000,
      annualOutput: 6000,
      annualTax: 300,
      jobs: 100,
      landMu: 20,
      intakeScore: 82,
    });
  const versionOf = async (projectId: string) =>
    (await opened.db.project.findUniqueOrThrow({ where: { id: projectId } })).version;
  const auditOf = (projectId: string, action: string) =>
    opened.db.auditEntry.findMany({ where: { entityId: projectId, action }, orderBy: { createdAt: "asc" } });

  it("works out the 到资 figures by hand from the schedule and the payments", async () => {
    const { projectId, leadId } = await project();
    const saved = await saveFundingPlan(opened.db, staff, {
      projectId,
      version: await versionOf(projectId),
      rows: PLAN,
    });
    expect(saved).toMatchObject({ ok: true, changed: true });
    expect(await addFunding(opened.db, staff, { projectId, paidOn: "2026-03-20", amount: "800" })).toEqual({
      ok: true,
    });
    expect(
      await addFunding(opened.db, staff, { projectId, paidOn: "2026-08-01", amount: "900.5", note: "第二笔" }),
    ).toEqual({ ok: true });

    const funding = await projectFunding(opened.db, staff, projectId, OCTOBER_FIRST);
    // Due by 2026-10-01: 1,000 + 1,500 = 2,500; paid 800 + 900.5 = 1,700.5.
    // 到资率 1,700.5 ÷ 5,000 = 34.0%; against the schedule 1,700.5 ÷ 2,500 = 68.0%; behind by 799.5.
    expect(funding?.figures).toEqual({
      committed: "5000",
      scheduledTotal: "5000",
      paid: "1700.5",
      scheduledToDate: "2500",
      paidRate: 34,
      scheduleRate: 68,
      next: { dueOn: "2027-06-30", amount: "2500" },
      behind: true,
      shortfall: "799.5",
    });
    expect(funding?.plan.map((row) => row.dueOn)).toEqual(["2026-03-31", "2026-09-30", "2027-06-30"]);
    expect(funding?.payments.map((row) => [row.paidOn, row.amount, row.note, row.recordedBy])).toEqual([
      ["2026-08-01", "900.5", "第二笔", "王芳"],
      ["2026-03-20", "800", null, "王芳"],
    ]);

    const [planAudit] = await auditOf(projectId, "project.funding_plan");
    expect(planAudit).toMatchObject({ actorId: staff.id, entityType: "Project" });
    expect(planAudit.details).toEqual({ leadId, instalments: [0, 3], scheduledTotal: ["0", "5000"] });
    expect((await auditOf(projectId, "project.funding_add")).map((entry) => entry.details)).toEqual([
      { leadId, paidOn: "2026-03-20", amount: "800" },
      { leadId, paidOn: "2026-08-01", amount: "900.5" },
    ]);

    // The same schedule again changes nothing; a form loaded before the payments is told the project changed.
    const version = await versionOf(projectId);
    expect(await saveFundingPlan(opened.db, staff, { projectId, version, rows: PLAN })).toEqual({
      ok: true,
      changed: false,
      version,
    });
    expect(
      await saveFundingPlan(opened.db, staff, {
        projectId,
        version: saved.ok ? saved.version : 0,
        rows: [],
      }),
    ).toEqual({ ok: false, fieldErrors: { version: "versionChanged" } });
    expect(await opened.db.projectFundingPlan.count({ where: { projectId } })).toBe(3);
  });

  it("refuses a payment in the future, a zero or negative amount and two instalments on one day", async () => {
    const { projectId } = await project();
    const tomorrow = shanghaiDay(new Date(Date.now() + 86_400_000));
    const refused = (input: Record<string, unknown>) => addFunding(opened.db, staff, { projectId, ...input });
    expect(await refused({ paidOn: tomorrow, amount: "10" })).toEqual({
      ok: false,
      fieldErrors: { paidOn: "future" },
    });
    expect(await refused({ paidOn: "2026-02-30", amount: "10" })).toMatchObject({ fieldErrors: { paidOn: "date" } });
    expect(await refused({ paidOn: "2026-03-01", amount: "0" })).toEqual({
      ok: false,
      fieldErrors: { amount: "positive" },
    });
    expect(await refused({ paidOn: "2026-03-01", amount: -5 })).toEqual({
      ok: false,
      fieldErrors: { amount: "positive" },
    });
    expect(await refused({ paidOn: "2026-03-01", amount: "-5" })).toEqual({
      ok: false,
      fieldErrors: { amount: "positive" },
    });
    const twice = await saveFundingPlan(opened.db, staff, {
      projectId,
      version: await versionOf(projectId),
      rows: [
        { dueOn: "2026-06-30", amount: "100" },
        { dueOn: "2026-06-30", amount: "200" },
      ],
    });
    expect(twice).toEqual({ ok: false, fieldErrors: { "rows.1.dueOn": "duplicateDay" } });
    expect(await opened.db.projectFunding.count({ where: { projectId } })).toBe(0);
    expect(await opened.db.projectFundingPlan.count({ where: { projectId } })).toBe(0);
  });

  it("saves a year's actuals per year and classes it against the workspace's yardsticks", async () => {
    const { projectId, leadId } = await project();
    const year = 2025;
    expect(
      await saveProjectYear(opened.db, staff, { projectId, year, output: "8000", tax: "400", jobs: "90" }),
    ).toEqual({ ok: true, changed: true });
    let years = await projectYears(opened.db, staff, projectId, OCTOBER_FIRST);
    expect(years?.rows.map((row) => row.year)).toEqual([2026, 2025, 2024]);
    // 400 ÷ 20 = 20 and 8,000 ÷ 20 = 400 a 亩; index 100 × (0.6 × 20/15 + 0.4 × 400/300) = 133.3: class A.
    expect(years?.rows[1]).toMatchObject({
      year,
      recorded: true,
      tax: "400",
      evaluation: { taxPerMu: 20, outputPerMu: 400, index: 133.3, grade: "A" },
    });
    expect(years?.rows[0]).toMatchObject({ recorded: false, evaluation: { grade: null } });
    expect(years).toMatchObject({ intakeScore: 82, firstYear: 2024, landMu: "20" });

    // Saved again for the same year: the row is updated, not added.
    await saveProjectYear(opened.db, staff, { projectId, year, output: "4000", tax: "200", jobs: "90" });
    expect(await opened.db.projectYear.count({ where: { projectId } })).toBe(1);
    years = await projectYears(opened.db, staff, projectId, OCTOBER_FIRST);
    // 10 and 200 a 亩: 100 × (0.6 × 10/15 + 0.4 × 200/300) = 66.7: class C; 200/300, 4,000/6,000, 90/100 promised.
    expect(years?.rows[1]).toMatchObject({
      evaluation: { taxPerMu: 10, outputPerMu: 200, index: 66.7, grade: "C" },
      shares: { tax: 66.7, output: 66.7, jobs: 90 },
    });
    expect((await auditOf(projectId, "project.year")).at(-1)?.details).toEqual({
      leadId,
      year,
      output: ["8000", "4000"],
      tax: ["400", "200"],
    });

    // All three blank: the year is removed.
    expect(await saveProjectYear(opened.db, staff, { projectId, year, output: "", tax: "", jobs: "" })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await opened.db.projectYear.count({ where: { projectId } })).toBe(0);
  });

  it("refuses a year before the signing, after this one, or not a year", async () => {
    const { projectId } = await project();
    const thisYear = Number(shanghaiDay(new Date()).slice(0, 4));
    const save = (year: unknown) => saveProjectYear(opened.db, staff, { projectId, year, tax: "1" });
    expect(await save(2023)).toEqual({ ok: false, fieldErrors: { year: "tooSmall:2024" } });
    expect(await save(thisYear + 1)).toEqual({ ok: false, fieldErrors: { year: `tooBig:${thisYear}` } });
    expect(await save("二〇二五")).toEqual({ ok: false, fieldErrors: { year: "integer" } });
    expect(await save(2025.5)).toEqual({ ok: false, fieldErrors: { year: "integer" } });
    expect(await saveProjectYear(opened.db, staff, { projectId, year: 2025, tax: "abc", jobs: "-1" })).toMatchObject({
      ok: false,
      fieldErrors: { tax: "amount" },
    });
    expect(await opened.db.projectYear.count({ where: { projectId } })).toBe(0);
  });

  it("hides another officer's project from staff, and lets only its recorder or a manager delete a payment", async () => {
    const db = opened.db;
    const others = await project(otherStaff.id);
    const version = await versionOf(others.projectId);
    const notFound = { ok: false, fieldErrors: { projectId: "notFound" } };
    expect(await projectFunding(db, staff, others.projectId)).toBeNull();
    expect(await projectYears(db, staff, others.projectId)).toBeNull();
    expect(await saveFundingPlan(db, staff, { projectId: others.projectId, version, rows: PLAN })).toEqual(notFound);
    expect(await addFunding(db, staff, { projectId: others.projectId, paidOn: "2026-01-05", amount: "1" })).toEqual(
      notFound,
    );
    expect(await saveProjectYear(db, staff, { projectId: others.projectId, year: 2025, tax: "1" })).toEqual(notFound);
    expect(await projectFunding(db, manager, others.projectId)).not.toBeNull();

    await addFunding(db, otherStaff, { projectId: others.projectId, paidOn: "2026-01-05", amount: "10" });
    const [entry] = await db.projectFunding.findMany({ where: { projectId: others.projectId } });
    expect(await deleteFunding(db, staff, { fundingId: entry.id })).toEqual(notFound);

    // On the staff caller's own project, a payment a manager recorded is the manager's to delete.
    const own = await project(staff.id);
    await addFunding(db, manager, { projectId: own.projectId, paidOn: "2026-01-05", amount: "10" });
    await addFunding(db, staff, { projectId: own.projectId, paidOn: "2026-01-06", amount: "20" });
    const [byManager, byStaff] = await db.projectFunding.findMany({
      where: { projectId: own.projectId },
      orderBy: { paidOn: "asc" },
    });
    expect((await projectFunding(db, staff, own.projectId))?.payments.map((row) => row.deletable)).toEqual([
      true,
      false,
    ]);
    expect(await deleteFunding(db, staff, { fundingId: byManager.id })).toEqual({
      ok: false,
      fieldErrors: { fundingId: "entryNotYours" },
    });
    expect(await deleteFunding(db, staff, { fundingId: byStaff.id })).toEqual({ ok: true });
    expect(await deleteFunding(db, manager, { fundingId: byManager.id })).toEqual({ ok: true });
    expect(await deleteFunding(db, manager, { fundingId: byManager.id })).toEqual({
      ok: false,
      fieldErrors: { fundingId: "notFound" },
    });
    expect(await db.projectFunding.count({ where: { projectId: own.projectId } })).toBe(0);
    expect((await auditOf(own.projectId, "project.funding_delete")).map((row) => row.actorId)).toEqual([
      staff.id,
      manager.id,
    ]);
  });

  it("keeps a terminated project's 到资 and actuals read-only", async () => {
    const db = opened.db;
    const { projectId } = await project();
    await addFunding(db, staff, { projectId, paidOn: "2026-01-05", amount: "10" });
    const [entry] = await db.projectFunding.findMany({ where: { projectId } });
    await db.project.update({
      where: { id: projectId },
      data: { status: "TERMINATED", terminatedAt: new Date(), terminatedById: manager.id },
    });
    const terminated = { ok: false, fieldErrors: { projectId: "terminated" } };
    const version = await versionOf(projectId);
    for (const viewer of [staff, manager]) {
      expect(await saveFundingPlan(db, viewer, { projectId, version, rows: PLAN })).toEqual(terminated);
      expect(await addFunding(db, viewer, { projectId, paidOn: "2026-01-06", amount: "1" })).toEqual(terminated);
      expect(await deleteFunding(db, viewer, { fundingId: entry.id })).toEqual(terminated);
      expect(await saveProjectYear(db, viewer, { projectId, year: 2025, tax: "1" })).toEqual(terminated);
    }
    expect(await db.projectFunding.count({ where: { projectId } })).toBe(1);
    expect(await db.projectFundingPlan.count({ where: { projectId } })).toBe(0);
    expect(await db.projectYear.count({ where: { projectId } })).toBe(0);
    expect(await versionOf(projectId)).toBe(version);
    expect((await projectFunding(db, staff, projectId))?.terminated).toBe(true);
  });

  it("classes with the admin's delivery rules and a park's own yardsticks, each change audited", async () => {
    const db = opened.db;
    const park = await makeDeliveryPark(db, "actuals-own", "自有标准园");
    const { projectId } = await project(staff.id, { parkId: park.id });
    await saveProjectYear(db, staff, { projectId, year: 2025, output: "4000", tax: "200" });
    const classOf2025 = async () => (await projectYears(db, staff, projectId))?.rows.find((row) => row.year === 2025);
    expect((await classOf2025())?.evaluation).toMatchObject({ index: 66.7, grade: "C" });

    // Workspace yardsticks 10 and 200 a 亩: 100 × (0.6 × 10/10 + 0.4 × 200/200) = 100: class A.
    const rules = {
      warnDays: 14,
      taxPerMu: "10",
      outputPerMu: "200",
      taxWeight: 60,
      classA: 100,
      classB: 80,
      classC: 50,
    };
    expect(await updateDeliverySettings(db, admin, rules)).toEqual({ ok: true, changed: true });
    expect((await classOf2025())?.evaluation).toMatchObject({ index: 100, grade: "A" });
    const [settingAudit] = await db.auditEntry.findMany({ where: { action: "settings.update", entityId: "delivery" } });
    expect(settingAudit).toMatchObject({ actorId: admin.id });
    expect(settingAudit.details).toMatchObject({ after: { warnDays: 14, taxPerMu: 10, outputPerMu: 200 } });

    // The park's own: 12.5 and 250 a 亩: 100 × (0.6 × 10/12.5 + 0.4 × 200/250) = 80: class B.
    expect(await saveParkYardsticks(db, admin, { parkId: park.id, taxPerMu: "12.5", outputPerMu: "250" })).toEqual({
      ok: true,
      changed: true,
    });
    const years = await projectYears(db, staff, projectId);
    expect(years?.rows.find((row) => row.year === 2025)?.evaluation).toMatchObject({ index: 80, grade: "B" });
    expect(years?.yardsticks).toEqual({ taxPerMu: 12.5, outputPerMu: 250, parkTax: true, parkOutput: true });
    expect((await parkYardsticks(db, admin)).find((row) => row.id === park.id)).toMatchObject({
      taxPerMu: "12.5",
      outputPerMu: "250",
    });
    // Blank output: the workspace's 200 again; 100 × (0.6 × 0.8 + 0.4 × 1) = 88: still B.
    await saveParkYardsticks(db, admin, { parkId: park.id, taxPerMu: "12.50", outputPerMu: "" });
    expect((await classOf2025())?.evaluation).toMatchObject({ index: 88, grade: "B" });
    expect(
      (await db.auditEntry.findMany({ where: { action: "park.yardsticks", entityId: park.id } })).map(
        (entry) => entry.details,
      ),
    ).toEqual([
      { benchmarkTaxPerMu: [null, "12.5"], benchmarkOutputPerMu: [null, "250"] },
      { benchmarkOutputPerMu: ["250.00", null] },
    ]);

    // Refused: bounds out of order, a zero yardstick, an unknown park, and anyone but an admin.
    expect(await updateDeliverySettings(db, admin, { ...rules, classB: 100 })).toEqual({
      ok: false,
      fieldErrors: { classB: "tooBig:99" },
    });
    expect(await saveParkYardsticks(db, admin, { parkId: park.id, taxPerMu: "0", outputPerMu: "" })).toEqual({
      ok: false,
      fieldErrors: { taxPerMu: "positive" },
    });
    expect(await saveParkYardsticks(db, admin, { parkId: "nopark", taxPerMu: "1", outputPerMu: "" })).toEqual({
      ok: false,
      fieldErrors: { parkId: "notFound" },
    });
    await expect(saveParkYardsticks(db, manager, { parkId: park.id, taxPerMu: "1" })).rejects.toThrow(AccessDenied);
    await expect(updateDeliverySettings(db, manager, rules)).rejects.toThrow(AccessDenied);
    await expect(parkYardsticks(db, staff)).rejects.toThrow(AccessDenied);
    await updateDeliverySettings(db, admin, {});
  });
}

describe("到资 and yearly actuals on PGlite", () => actualsSuite(openTestPglite));
describeOnPostgres("到资 and yearly actuals on PostgreSQL", () => actualsSuite(openTestPostgres));
