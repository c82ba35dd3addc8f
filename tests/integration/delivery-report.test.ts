import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DeliverySection } from "@/components/reports/delivery-section";
import type { Database } from "@/lib/db/client";
import { terminateProject } from "@/lib/projects/register/mutations";
import { DELIVERY_TABLES } from "@/lib/reports/delivery/columns";
import { deliveryReport } from "@/lib/reports/delivery/queries";
import { exportReportCsv } from "@/lib/reports/export/reports";
import type { ReportTable } from "@/lib/reports/table";
import { makeDeliveryPark, makeProject } from "../support/delivery-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { at, closeTo, filterOf, pick, reportTable, reportViewer } from "../support/report-views";
import { renderInLocale } from "../support/render-server";

// The section reads the page's locale from the request's cookie, as on a page.
vi.mock("next/headers", async () => ({ cookies: (await import("../support/render-server")).localeCookies }));

/*
 * The delivery report against projects worked out by hand. Rules are the defaults (亩均税收 yardstick 15, 亩均产值
 * 300, tax weight 60%, A ≥ 100, B ≥ 80, C ≥ 50); park 平湖 sets its own 亩均税收 yardstick of 20. Officers X and
 * Y, a manager M. Days are Shanghai days; "D" is the report's as-of day, 2026-12-06, evaluation year 2025.
 *
 *  project  park  owner industry signed      总投资 税收/产值承诺 亩  score
 *  P1       平湖  X     智能制造 2025-03-01  10000  500 / 20000   50   85
 *  P2       平湖  Y     智能制造 2025-06-15   5000  200 /  8000   20   70
 *  P3       嘉善  X     新材料   2024-11-20     —   300 / 10000   10   90
 *  P4       嘉善  Y     —        2026-02-01   3000  100 /  2000    —   60   terminated 2026-09-15 10:00
 *  P5       平湖  X     —        2024-05-01   2000   50 /  1000    —   75
 *
 *  milestones (plan → actual)
 *  P1  注册 04-01→03-20 (2025) · 拿地 06-01→06-01 · 开工 2025-09-01→2025-08-20 · 竣工 2026-05-01→05-15
 *      · 投产 2026-06-01→2026-07-10 · 达产 2027-06-01 open
 *  P2  注册 2025-07-01→07-05 · 拿地 2025-10-01→09-20 · 竣工 2026-10-01 open · 投产 2026-11-01 open
 *      · 达产 2027-12-01 open · 开工: contract plan 2026-01-15, re-planned on 2026-03-01 10:00 to 2026-08-01,
 *      done 2026-07-25
 *  P3  注册 2024-12-01→12-10 · 拿地 2025-01-01→01-01 · 开工 2025-03-01→02-20 · 竣工 2025-08-01→08-10
 *      · 投产 2025-10-01→09-01 · 达产 2026-10-01→2026-09-15
 *  P4  注册 2026-03-01→02-25 · 开工 2026-05-01 open · the rest unplanned; a signed unit, released by 解约
 *  P5  开工 2024-09-01 open · 投产 2027-05-01 open · the rest unplanned
 *
 *  到资 paid: P1 2025-05-01 3000, 2026-03-01 2000, 2026-12-10 1000 (after D) · P2 2026-01-10 1500
 *             · P3 2025-01-05 800 (no commitment) · P4 2026-04-01 600 · P5 2024-06-01 2000
 *  schedule:  P1 2025-06-30 4000, 2026-06-30 4000, 2027-06-30 2000 · P2 2026-01-31 2500, 2027-01-31 2500
 *             · P4 2026-04-30 1000
 *  2025 actuals (tax / output): P1 600 / 12000 · P2 100 / 3000 · P3 200 / 4000 · P5 40 / 900
 *
 * As of D (P4 terminated before it: not counted):
 *  开工 done P1 P2 P3, due-or-done + P5 → 3/4 · 投产 done P1 P3, due P2 (11-01), P5 not due → 2/3
 *  达产 done P3, nothing else due → 1/1 · late: P2 竣工 and 投产, P5 开工 → 3 in 2 projects
 *  到资 over commitments P1 P2 P5: (5000 + 1500 + 2000) ÷ 17000 = 0.5; over the schedule due by D (P1 8000,
 *  P2 2500): (5000 + 1500) ÷ 10500
 *  2025: promised tax 500+200+300+50 = 1050, actual 940; output 39000 vs 19900
 *  亩均: P1 12 / 240 → 100 × (0.6 × 12/20 + 0.4 × 240/300) = 68 → C; P2 5 / 150 → 35 → D;
 *        P3 (嘉善 15 / 300) 20 / 400 → 133.3 → A; P5 no land → not classed
 *  per park 平湖 (P1 P2 P5): 开工 2/3, 投产 1/2, 达产 —, late 3; 嘉善 (P3): 1/1, 1/1, 1/1, late 0
 *  per officer X (P1 P3 P5): 开工 2/3, 投产 2/2, 达产 1/1, late 1; Y (P2): 1/1, 0/1, —, late 2
 *  per signing year 2024 (P3 P5): 开工 1/2, late 1; 2025 (P1 P2): 开工 2/2, 投产 1/2, late 2
 * The re-plan, officer Y's row: as of 2026-02-20 P2's 开工 is held to the contract's 01-15 and is late (due 1,
 * done 0, late 1, P4 counted but nothing of it due); as of 2026-03-10 to the new 08-01: not due, not late.
 * The termination, as of 2026-08-31: P4 still counts (5 projects) and its 开工 is late (Y: late 1).
 */

const NOW = at("2026-12-06 15:00");
const D = { asOf: "2026-12-06", year: "2025" };

interface Fixture {
  pinghu: string;
  jiashan: string;
  x: string;
  y: string;
  manager: string;
  unit: string;
}

async function seed(db: Database): Promise<Fixture> {
  const pinghu = await makeDeliveryPark(db, "pinghu", "平湖", { tax: 20 });
  const jiashan = await makeDeliveryPark(db, "jiashan", "嘉善");
  const user = (name: string, role: "STAFF" | "MANAGER") =>
    db.user.create({ data: { email: `${name}@delivery.test`, name, role, passwordHash: "unused" } });
  const [x, y, manager] = [await user("专员X", "STAFF"), await user("专员Y", "STAFF"), await user("经理M", "MANAGER")];

  await makeProject(db, {
    name: "P1",
    parkId: pinghu.id,
    ownerId: x.id,
    industry: "智能制造",
    signedAt: "2025-03-01 10:00",
    totalInvestment: 10000,
    annualTax: 500,
    annualOutput: 20000,
    landMu: 50,
    intakeScore: 85,
    milestones: {
      REGISTERED: { planned: "2025-04-01", actual: "2025-03-20" },
      LAND_HANDOVER: { planned: "2025-06-01", actual: "2025-06-01" },
      CONSTRUCTION_START: { planned: "2025-09-01", actual: "2025-08-20" },
      COMPLETION: { planned: "2026-05-01", actual: "2026-05-15" },
      PRODUCTION: { planned: "2026-06-01", actual: "2026-07-10" },
      FULL_PRODUCTION: { planned: "2027-06-01" },
    },
    fundings: [
      ["2025-05-01", 3000],
      ["2026-03-01", 2000],
      ["2026-12-10", 1000],
    ],
    plans: [
      ["2025-06-30", 4000],
      ["2026-06-30", 4000],
      ["2027-06-30", 2000],
    ],
    years: [{ year: 2025, tax: 600, output: 12000 }],
  });
  await makeProject(db, {
    name: "P2",
    parkId: pinghu.id,
    ownerId: y.id,
    industry: "智能制造",
    signedAt: "2025-06-15 10:00",
    totalInvestment: 5000,
    annualTax: 200,
    annualOutput: 8000,
    landMu: 20,
    intakeScore: 70,
    milestones: {
      REGISTERED: { planned: "2025-07-01", actual: "2025-07-05" },
      LAND_HANDOVER: { planned: "2025-10-01", actual: "2025-09-20" },
      CONSTRUCTION_START: {
        planned: "2026-01-15",
        replanned: { to: "2026-08-01", on: "2026-03-01 10:00", reason: "环评批复推迟" },
        actual: "2026-07-25",
      },
      COMPLETION: { planned: "2026-10-01" },
      PRODUCTION: { planned: "2026-11-01" },
      FULL_PRODUCTION: { planned: "2027-12-01" },
    },
    fundings: [["2026-01-10", 1500]],
    plans: [
      ["2026-01-31", 2500],
      ["2027-01-31", 2500],
    ],
    years: [{ year: 2025, tax: 100, output: 3000 }],
  });
  await makeProject(db, {
    name: "P3",
    parkId: jiashan.id,
    ownerId: x.id,
    industry: "新材料",
    signedAt: "2024-11-20 10:00",
    annualTax: 300,
    annualOutput: 10000,
    landMu: 10,
    intakeScore: 90,
    milestones: {
      REGISTERED: { planned: "2024-12-01", actual: "2024-12-10" },
      LAND_HANDOVER: { planned: "2025-01-01", actual: "2025-01-01" },
      CONSTRUCTION_START: { planned: "2025-03-01", actual: "2025-02-20" },
      COMPLETION: { planned: "2025-08-01", actual: "2025-08-10" },
      PRODUCTION: { planned: "2025-10-01", actual: "2025-09-01" },
      FULL_PRODUCTION: { planned: "2026-10-01", actual: "2026-09-15" },
    },
    fundings: [["2025-01-05", 800]],
    years: [{ year: 2025, tax: 200, output: 4000 }],
  });
  const p4 = await makeProject(db, {
    name: "P4",
    parkId: jiashan.id,
    ownerId: y.id,
    signedAt: "2026-02-01 10:00",
    totalInvestment: 3000,
    annualTax: 100,
    annualOutput: 2000,
    intakeScore: 60,
    milestones: {
      REGISTERED: { planned: "2026-03-01", actual: "2026-02-25" },
      CONSTRUCTION_START: { planned: "2026-05-01" },
    },
    fundings: [["2026-04-01", 600]],
    plans: [["2026-04-30", 1000]],
  });
  await makeProject(db, {
    name: "P5",
    parkId: pinghu.id,
    ownerId: x.id,
    signedAt: "2024-05-01 10:00",
    totalInvestment: 2000,
    annualTax: 50,
    annualOutput: 1000,
    intakeScore: 75,
    milestones: {
      CONSTRUCTION_START: { planned: "2024-09-01" },
      PRODUCTION: { planned: "2027-05-01" },
    },
    fundings: [["2024-06-01", 2000]],
    years: [{ year: 2025, tax: 40, output: 900 }],
  });

  // P4's unit, signed; 解约 on 2026-09-15 sends it back to vacant.
  const building = await db.building.create({ data: { parkId: jiashan.id, name: "J1", kind: "FACTORY" } });
  const unit = await db.unit.create({
    data: {
      buildingId: building.id,
      parkId: jiashan.id,
      number: "101",
      area: 1000,
      areaUnit: "SQM",
      areaSqm: 1000,
      status: "SIGNED",
      leadId: p4.leadId,
    },
  });
  const managerViewer = reportViewer(manager.id, "MANAGER");
  const terminated = await terminateProject(
    db,
    managerViewer,
    { projectId: p4.projectId, version: 1, reason: "企业战略调整，项目终止" },
    at("2026-09-15 10:00"),
  );
  if (!terminated.ok) throw new Error(JSON.stringify(terminated.fieldErrors));
  return { pinghu: pinghu.id, jiashan: jiashan.id, x: x.id, y: y.id, manager: manager.id, unit: unit.id };
}

const groupOf = (table: ReportTable, dimension: string, group: string) => {
  const row = table.rows.find((candidate) => candidate.dimensionEn === dimension && candidate.groupEn === group);
  if (!row) throw new Error(`no row ${dimension} ${group} in ${table.key}`);
  return row;
};

function deliverySuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let fixture: Fixture;
  const report = (viewerId: string, role: "STAFF" | "MANAGER", params: Record<string, string>) =>
    deliveryReport(database.opened.db, reportViewer(viewerId, role), filterOf(params), NOW);

  beforeAll(async () => {
    database = await open();
    fixture = await seed(database.opened.db);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  const PROGRESS = [
    "group",
    "projects",
    "startDone",
    "startDue",
    "startRate",
    "productionDone",
    "productionDue",
    "productionRate",
    "fullDone",
    "fullDue",
    "fullRate",
    "late",
    "projectsLate",
  ];

  it("[MANAGER] reads 开工率, 投产率, 达产率 and late milestones as of a day, in total and per park and officer", async () => {
    const tables = await report(fixture.manager, "MANAGER", D);
    const progress = reportTable(tables, DELIVERY_TABLES.progress);
    expect(pick(progress, PROGRESS).slice(0, 5)).toEqual(
      closeTo([
        ["全部项目", 4, 3, 4, 0.75, 2, 3, 2 / 3, 1, 1, 1, 3, 2],
        ["嘉善", 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0],
        ["平湖", 3, 2, 3, 2 / 3, 1, 2, 0.5, 0, 0, null, 3, 2],
        ["专员X", 3, 2, 3, 2 / 3, 2, 2, 1, 1, 1, 1, 1, 1],
        ["专员Y", 1, 1, 1, 1, 0, 1, 0, 0, 0, null, 2, 1],
      ]),
    );
    expect(progress.rows[0]).toMatchObject({ dimension: "合计", dimensionEn: "Total" });
    expect(pick(progress, ["dimensionEn", "groupEn"]).slice(5)).toEqual([
      ["Industry", "智能制造"],
      ["Industry", "Industry not given"],
      ["Industry", "新材料"],
      ["Signing year", "2024"],
      ["Signing year", "2025"],
    ]);
    const y2024 = groupOf(progress, "Signing year", "2024");
    const y2025 = groupOf(progress, "Signing year", "2025");
    expect([y2024.projects, y2024.startDone, y2024.startDue, y2024.late]).toEqual([2, 1, 2, 1]);
    expect([y2025.projects, y2025.startDone, y2025.productionDone, y2025.productionDue, y2025.late]).toEqual([
      2, 2, 1, 2, 2,
    ]);
    const missing = groupOf(progress, "Industry", "Industry not given");
    expect([missing.group, missing.projects, missing.late]).toEqual(["未填写产业", 1, 1]);
  });

  it("[MANAGER] reads 到资率 over the commitments and over the schedule due by the day", async () => {
    const tables = await report(fixture.manager, "MANAGER", D);
    const funding = reportTable(tables, DELIVERY_TABLES.funding);
    const columns = ["group", "committed", "paid", "paidRate", "scheduled", "paidOfScheduled", "scheduledRate"];
    expect(pick(funding, columns).slice(0, 3)).toEqual(
      closeTo([
        ["全部项目", 17000, 8500, 0.5, 10500, 6500, 6500 / 10500],
        ["嘉善", null, null, null, null, null, null],
        ["平湖", 17000, 8500, 0.5, 10500, 6500, 6500 / 10500],
      ]),
    );
  });

  it("[MANAGER] sets promised against actual tax and output for the year, with the A/B/C/D classes", async () => {
    const tables = await report(fixture.manager, "MANAGER", D);
    const evaluation = reportTable(tables, DELIVERY_TABLES.evaluation);
    const columns = [
      "group",
      "evaluated",
      "promisedTax",
      "actualTax",
      "taxRate",
      "promisedOutput",
      "actualOutput",
      "outputRate",
      "gradeA",
      "gradeB",
      "gradeC",
      "gradeD",
      "unclassed",
    ];
    expect(pick(evaluation, columns).slice(0, 3)).toEqual(
      closeTo([
        ["全部项目", 4, 1050, 940, 940 / 1050, 39000, 19900, 19900 / 39000, 1, 0, 1, 1, 1],
        ["嘉善", 1, 300, 200, 200 / 300, 10000, 4000, 0.4, 1, 0, 0, 0, 0],
        ["平湖", 3, 750, 740, 740 / 750, 29000, 15900, 15900 / 29000, 0, 0, 1, 1, 1],
      ]),
    );
    const classes = reportTable(tables, DELIVERY_TABLES.classes);
    expect(pick(classes, ["code", "evaluated", "share", "intakeScore", "taxPerMu", "outputPerMu"])).toEqual(
      closeTo([
        ["A", 1, 0.25, 90, 20, 400],
        ["C", 1, 0.25, 85, 12, 240],
        ["D", 1, 0.25, 70, 5, 150],
        ["-", 1, 0.25, 75, null, null],
      ]),
    );
    // Another year has no figures: nothing evaluated, nothing classed.
    const earlier = reportTable(
      await report(fixture.manager, "MANAGER", { ...D, year: "2024" }),
      DELIVERY_TABLES.classes,
    );
    expect(earlier.rows).toEqual([]);
  });

  it("[MANAGER] holds a re-planned milestone to the plan in force on the day measured", async () => {
    const before = reportTable(
      await report(fixture.manager, "MANAGER", { asOf: "2026-02-20", year: "2025" }),
      DELIVERY_TABLES.progress,
    );
    const y = groupOf(before, "Officer", "专员Y");
    expect([y.projects, y.startDone, y.startDue, y.startRate, y.late]).toEqual([2, 0, 1, 0, 1]);
    const after = reportTable(
      await report(fixture.manager, "MANAGER", { asOf: "2026-03-10", year: "2025" }),
      DELIVERY_TABLES.progress,
    );
    const later = groupOf(after, "Officer", "专员Y");
    expect([later.projects, later.startDone, later.startDue, later.startRate, later.late]).toEqual([2, 0, 0, null, 0]);
    // The history is kept: the contract's plan and the re-plan with its reason.
    const changes = await database.opened.db.milestonePlanChange.findMany({
      where: { kind: "CONSTRUCTION_START", project: { name: "P2" } },
      orderBy: { effectiveAt: "asc" },
      select: { plannedOn: true, previousOn: true, reason: true },
    });
    expect(changes.map((change) => [change.plannedOn?.toISOString().slice(0, 10), change.reason])).toEqual([
      ["2026-01-15", null],
      ["2026-08-01", "环评批复推迟"],
    ]);
  });

  it("[MANAGER] counts a terminated project before its 解约 and not after, and its unit is vacant again", async () => {
    const before = reportTable(
      await report(fixture.manager, "MANAGER", { asOf: "2026-08-31", year: "2025" }),
      DELIVERY_TABLES.progress,
    );
    expect(before.rows[0].projects).toBe(5);
    const y = groupOf(before, "Officer", "专员Y");
    expect([y.projects, y.startDone, y.startDue, y.late]).toEqual([2, 1, 2, 1]);
    const now = reportTable(await report(fixture.manager, "MANAGER", D), DELIVERY_TABLES.progress);
    expect(groupOf(now, "Officer", "专员Y").projects).toBe(1);
    const unit = await database.opened.db.unit.findUniqueOrThrow({ where: { id: fixture.unit } });
    expect([unit.status, unit.leadId]).toEqual(["VACANT", null]);
  });

  it("[STAFF] reads their own projects only, whatever officer or park the view names", async () => {
    const tables = await report(fixture.x, "STAFF", { ...D, owner: fixture.y });
    const progress = reportTable(tables, DELIVERY_TABLES.progress);
    expect(progress.rows[0]).toMatchObject({ projects: 3, startDone: 2, startDue: 3, late: 1 });
    expect(progress.rows.filter((row) => row.dimensionEn === "Officer").map((row) => row.group)).toEqual(["专员X"]);
    const inPark = await report(fixture.x, "STAFF", { ...D, park: fixture.jiashan });
    expect(pick(reportTable(inPark, DELIVERY_TABLES.progress), ["group", "projects"]).slice(0, 2)).toEqual([
      ["全部项目", 1],
      ["嘉善", 1],
    ]);
  });

  it("[MANAGER] narrows to one officer", async () => {
    const tables = await report(fixture.manager, "MANAGER", { ...D, owner: fixture.y });
    expect(reportTable(tables, DELIVERY_TABLES.progress).rows[0]).toMatchObject({ projects: 1, late: 2 });
  });

  it("[MANAGER] downloads it as CSV with the day and the year on each table's title line", async () => {
    const result = await exportReportCsv(
      database.opened.db,
      reportViewer(fixture.manager, "MANAGER"),
      { report: "delivery", ...D },
      { locale: "zh-CN", now: NOW },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const lines = result.body.slice(1).split("\r\n");
    expect(lines[0]).toBe("开工、投产、达产与逾期,截至 2026年12月6日，评价年度 2025 年,全部线索");
    expect(lines[2]).toBe("合计,全部项目,4,3,4,75,2,3,66.67,1,1,100,3,2");
  });

  it("[MANAGER] sees the total's rates over the tables, in both languages, and says when nothing counts", async () => {
    const tables = await report(fixture.manager, "MANAGER", D);
    const section = (shown: typeof tables) =>
      createElement(DeliverySection, { tables: shown, viewerId: fixture.manager });
    const chinese = await renderInLocale(section(tables), "zh-CN");
    expect(chinese).toContain(
      "截至 2026-12-06，计入项目 4 个：开工率 75.0%，投产率 66.7%，达产率 100.0%，逾期节点 3 个；到资率 50.0%。",
    );
    for (const caption of ["开工、投产、达产与逾期", "到资", "亩均评价分类与准入评分"])
      expect(chinese).toContain(caption);
    const english = await renderInLocale(section(tables), "en");
    expect(english).toContain("As of 2026-12-06, 4 projects counted: construction rate 75.0%");
    expect(english).toContain("Class A (priority)");
    const before = await report(fixture.manager, "MANAGER", { asOf: "2024-01-01", year: "2023" });
    expect(await renderInLocale(section(before), "zh-CN")).toContain("截至所选日期没有计入的项目。");
  });
}

describe("delivery report on PGlite", () => deliverySuite(() => openTestPglite()));
describeOnPostgres("delivery report on PostgreSQL", () => deliverySuite(() => openTestPostgres()));
