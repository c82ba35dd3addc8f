import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OccupancySection } from "@/components/reports/occupancy-section";
import type { Database } from "@/lib/db/client";
import { exportReportCsv } from "@/lib/reports/export/reports";
import { occupancyReport } from "@/lib/reports/occupancy/queries";
import { OCCUPANCY_TABLES } from "@/lib/reports/occupancy/columns";
import type { UnitStatus } from "@/lib/inventory/types";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { at, closeTo, filterOf, pick, reportTable, reportViewer } from "../support/report-views";
import { renderInLocale } from "../support/render-server";

// The section reads the page's locale from the request's cookie, as on a page.
vi.mock("next/headers", async () => ({ cookies: (await import("../support/render-server")).localeCookies }));

/*
 * The occupancy report against a park worked out by hand. Park 平湖 has 1号楼 (factory) and 2号楼 (office);
 * another park has one signed unit of 100 m². Times are Asia/Shanghai. The view is August to October 2026,
 * read on 2026-11-15, so its moments are the ends of August, September and October (09-01, 10-01, 11-01 00:00).
 *
 *   unit        m²    history
 *   1号楼 101  1000   07-01 VACANT · 08-10 HELD (L1, X) · 08-20 SIGNED · 09-15 OCCUPIED
 *   1号楼 102  1000   07-01 VACANT · 07-10 HELD (L3, Y) · 07-17 expired → VACANT · 09-05 HELD (L1, X)
 *                     · 09-12 expired → VACANT
 *   1号楼 201   500   07-01 UNAVAILABLE · 10-10 VACANT
 *   2号楼 101  2000   created 07-01 SIGNED (L4), never changed
 *   2号楼 102  1500   created 07-01 VACANT without a first row · 08-25 HELD (L2, Y) · 09-01 expired → VACANT
 *                     · 10-05 HELD (L2, X) · 10-12 SIGNED
 *   2号楼 201   800   created 09-20 VACANT · 10-20 HELD (L1, X) · 10-27 expired → VACANT
 *
 * Rates, (signed + occupied) ÷ (total − unavailable):
 *   August end:    1号楼 101 signed, 102 vacant, 201 unavailable → 1000 ÷ (2500 − 500) = 0.5
 *                  2号楼 101 signed, 102 held, 201 not yet created → 2000 ÷ 3500
 *                  park 3000 ÷ 5500
 *   September end: 1号楼 101 occupied → 1000 ÷ 2000 = 0.5; 2号楼 102 vacant, 201 vacant → 2000 ÷ 4300;
 *                  park 3000 ÷ 6300
 *   October end:   1号楼 201 vacant → 1000 ÷ 2500 = 0.4; 2号楼 102 signed → 3500 ÷ 4300; park 4500 ÷ 6800
 * Vacancy, calendar days:
 *   ended in the range: 1号楼 101 07-01→08-10 = 40, 102 07-17→09-05 = 50 (avg 45);
 *                       2号楼 102 07-01→08-25 = 55 and 09-01→10-05 = 34, 201 09-20→10-20 = 30 (avg 119 ÷ 3);
 *                       park 209 ÷ 5 = 41.8 (102's 07-01→07-10 ended before the range)
 *   vacant at the end (11-01): 1号楼 102 since 09-12 = 50, 201 since 10-10 = 22 (avg 36); 2号楼 201 since
 *                       10-27 = 5; park 77 ÷ 3
 * Holds expired in the range: 1号楼 102 (L1, X, 09-12), 2号楼 102 (L2, Y, 09-01), 2号楼 201 (L1, X, 10-27);
 *   L2 signed 2号楼 102 on 10-12, after its hold expired; L1 signed only on 08-20, before its holds ended.
 *   The July hold (L3, Y) ended before the range.
 */

const NOW = at("2026-11-15 10:00");
const RANGE = { range: "custom", from: "2026-08-01", to: "2026-10-31" };

interface Fixture {
  park: string;
  otherPark: string;
  x: string;
  y: string;
  manager: string;
}

async function seed(db: Database): Promise<Fixture> {
  const park = (slug: string, name: string) =>
    db.park.create({
      data: {
        slug,
        name,
        nameEn: `${slug} park`,
        city: "嘉兴",
        cityEn: "Jiaxing",
        address: "路",
        addressEn: "Road",
        description: "园",
        descriptionEn: "Park",
        operatorName: "运营",
        contactPhone: "0573-1",
      },
    });
  const p = await park("pinghu", "平湖");
  const q = await park("other", "另一园区");
  const user = (name: string, role: "STAFF" | "MANAGER") =>
    db.user.create({ data: { email: `${name}@occupancy.test`, name, role, passwordHash: "unused" } });
  const [x, y, manager] = await Promise.all([
    user("officer-x", "STAFF"),
    user("officer-y", "STAFF"),
    user("m", "MANAGER"),
  ]);
  const lead = (n: number) =>
    db.lead.create({ data: { phone: `1390000000${n}`, company: `L${n}公司`, contactName: `L${n}` } });
  const [l1, l2, l3, l4] = await Promise.all([lead(1), lead(2), lead(3), lead(4)]);
  const a = await db.building.create({ data: { parkId: p.id, name: "1号楼", kind: "FACTORY", position: 1 } });
  const b = await db.building.create({ data: { parkId: p.id, name: "2号楼", kind: "OFFICE", position: 2 } });
  const qb = await db.building.create({ data: { parkId: q.id, name: "Q1", kind: "FACTORY" } });

  const unit = (
    buildingId: string,
    parkId: string,
    number: string,
    area: number,
    status: UnitStatus,
    leadId?: string,
  ) =>
    db.unit.create({
      data: {
        buildingId,
        parkId,
        number,
        area,
        areaUnit: "SQM",
        areaSqm: area,
        status,
        leadId,
        createdAt: at(number === "201" && buildingId === b.id ? "2026-09-20 10:00" : "2026-07-01 09:00"),
      },
    });
  const a101 = await unit(a.id, p.id, "101", 1000, "OCCUPIED", l1.id);
  const a102 = await unit(a.id, p.id, "102", 1000, "VACANT");
  const a201 = await unit(a.id, p.id, "201", 500, "VACANT");
  await unit(b.id, p.id, "101", 2000, "SIGNED", l4.id);
  const b102 = await unit(b.id, p.id, "102", 1500, "SIGNED", l2.id);
  const b201 = await unit(b.id, p.id, "201", 800, "VACANT");
  await unit(qb.id, q.id, "101", 100, "SIGNED", l4.id);

  type Step = [when: string, from: UnitStatus | null, to: UnitStatus, leadId?: string];
  const history = async (unitId: string, steps: Step[]) => {
    for (const [when, fromStatus, toStatus, leadId] of steps)
      await db.unitStatusChange.create({ data: { unitId, fromStatus, toStatus, leadId, changedAt: at(when) } });
  };
  await history(a101.id, [
    ["2026-07-01 09:00", null, "VACANT"],
    ["2026-08-10 10:00", "VACANT", "HELD", l1.id],
    ["2026-08-20 10:00", "HELD", "SIGNED", l1.id],
    ["2026-09-15 10:00", "SIGNED", "OCCUPIED", l1.id],
  ]);
  await history(a102.id, [
    ["2026-07-01 09:00", null, "VACANT"],
    ["2026-07-10 10:00", "VACANT", "HELD", l3.id],
    ["2026-07-17 10:00", "HELD", "VACANT"],
    ["2026-09-05 10:00", "VACANT", "HELD", l1.id],
    ["2026-09-12 10:00", "HELD", "VACANT"],
  ]);
  await history(a201.id, [
    ["2026-07-01 09:00", null, "UNAVAILABLE"],
    ["2026-10-10 10:00", "UNAVAILABLE", "VACANT"],
  ]);
  await history(b102.id, [
    ["2026-08-25 10:00", "VACANT", "HELD", l2.id],
    ["2026-09-01 10:00", "HELD", "VACANT"],
    ["2026-10-05 10:00", "VACANT", "HELD", l2.id],
    ["2026-10-12 10:00", "HELD", "SIGNED", l2.id],
  ]);
  await history(b201.id, [
    ["2026-09-20 10:00", null, "VACANT"],
    ["2026-10-20 10:00", "VACANT", "HELD", l1.id],
    ["2026-10-27 10:00", "HELD", "VACANT"],
  ]);

  const hold = (unitId: string, leadId: string, holderId: string, heldAt: string, endedAt: string, expired = true) =>
    db.unitHold.create({
      data: {
        unitId,
        leadId,
        holderId,
        heldAt: at(heldAt),
        expiresAt: at(expired ? endedAt : "2026-12-31 10:00"),
        endedAt: at(endedAt),
        endReason: expired ? "EXPIRED" : "SIGNED",
      },
    });
  await hold(a102.id, l3.id, y.id, "2026-07-10 10:00", "2026-07-17 10:00");
  await hold(a101.id, l1.id, x.id, "2026-08-10 10:00", "2026-08-20 10:00", false);
  await hold(a102.id, l1.id, x.id, "2026-09-05 10:00", "2026-09-12 10:00");
  await hold(b102.id, l2.id, y.id, "2026-08-25 10:00", "2026-09-01 10:00");
  await hold(b102.id, l2.id, x.id, "2026-10-05 10:00", "2026-10-12 10:00", false);
  await hold(b201.id, l1.id, x.id, "2026-10-20 10:00", "2026-10-27 10:00");
  return { park: p.id, otherPark: q.id, x: x.id, y: y.id, manager: manager.id };
}

function occupancySuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let fixture: Fixture;
  const report = (viewerId: string, role: "STAFF" | "MANAGER", params: Record<string, string>) =>
    occupancyReport(database.opened.db, reportViewer(viewerId, role), filterOf(params), NOW);

  beforeAll(async () => {
    database = await open();
    fixture = await seed(database.opened.db);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("[MANAGER] reads the rate at each month's end per park and building, from the status each unit had then", async () => {
    const tables = await report(fixture.manager, "MANAGER", { ...RANGE, park: fixture.park });
    const rate = reportTable(tables, OCCUPANCY_TABLES.rate);
    expect(pick(rate, ["period", "asOf", "building", "total", "offered", "taken", "rate"])).toEqual(
      closeTo([
        ["2026-08", "2026-08-31", "全园区", 6000, 5500, 3000, 3000 / 5500],
        ["2026-09", "2026-09-30", "全园区", 6800, 6300, 3000, 3000 / 6300],
        ["2026-10", "2026-10-31", "全园区", 6800, 6800, 4500, 4500 / 6800],
        ["2026-08", "2026-08-31", "1号楼", 2500, 2000, 1000, 0.5],
        ["2026-09", "2026-09-30", "1号楼", 2500, 2000, 1000, 0.5],
        ["2026-10", "2026-10-31", "1号楼", 2500, 2500, 1000, 0.4],
        ["2026-08", "2026-08-31", "2号楼", 3500, 3500, 2000, 2000 / 3500],
        ["2026-09", "2026-09-30", "2号楼", 4300, 4300, 2000, 2000 / 4300],
        ["2026-10", "2026-10-31", "2号楼", 4300, 4300, 3500, 3500 / 4300],
      ]),
    );
    expect(rate.rows[0]).toMatchObject({ park: "平湖", buildingEn: "Whole park", buildingId: null });
  });

  it("[MANAGER] reads a month's range week by week", async () => {
    const tables = await report(fixture.manager, "MANAGER", {
      range: "custom",
      from: "2026-10-01",
      to: "2026-10-31",
      park: fixture.park,
    });
    const whole = reportTable(tables, OCCUPANCY_TABLES.rate).rows.filter((row) => row.buildingId === null);
    // Week 41 ends on Sunday 10-11: 2号楼 102 is still held (signed 10-12), 1号楼 201 vacant since 10-10.
    expect(whole.map((row) => [row.period, row.taken, row.offered])).toEqual([
      ["2026-W40", 3000, 6300],
      ["2026-W41", 3000, 6800],
      ["2026-W42", 4500, 6800],
      ["2026-W43", 4500, 6800],
      ["2026-W44", 4500, 6800],
    ]);
  });

  it("[MANAGER] reads the days of vacant spells that ended in the range and of units still vacant at its end", async () => {
    const tables = await report(fixture.manager, "MANAGER", { ...RANGE, park: fixture.park });
    expect(
      pick(reportTable(tables, OCCUPANCY_TABLES.vacancy), [
        "building",
        "leftVacant",
        "leftVacantDays",
        "vacantAtEnd",
        "vacantAtEndDays",
      ]),
    ).toEqual(
      closeTo([
        ["全园区", 5, 41.8, 3, 77 / 3],
        ["1号楼", 2, 45, 2, 36],
        ["2号楼", 3, 119 / 3, 1, 5],
      ]),
    );
  });

  it("[MANAGER] counts holds that expired in the range, and those whose lead signed a unit afterwards", async () => {
    const tables = await report(fixture.manager, "MANAGER", { ...RANGE, park: fixture.park });
    expect(pick(reportTable(tables, OCCUPANCY_TABLES.expired), ["building", "expired", "signedLater"])).toEqual([
      ["全园区", 3, 1],
      ["1号楼", 1, 0],
      ["2号楼", 2, 1],
    ]);
    expect(pick(reportTable(tables, OCCUPANCY_TABLES.expiredByOfficer), ["officer", "expired", "signedLater"])).toEqual(
      [
        ["officer-x", 2, 0],
        ["officer-y", 1, 1],
      ],
    );
  });

  it("[STAFF] sees the occupancy of every unit but only the holds they made", async () => {
    const tables = await report(fixture.x, "STAFF", { ...RANGE, park: fixture.park, owner: fixture.y });
    expect(reportTable(tables, OCCUPANCY_TABLES.rate).rows).toHaveLength(9);
    expect(pick(reportTable(tables, OCCUPANCY_TABLES.expired), ["building", "expired", "signedLater"])).toEqual([
      ["全园区", 2, 0],
      ["1号楼", 1, 0],
      ["2号楼", 1, 0],
    ]);
    expect(pick(reportTable(tables, OCCUPANCY_TABLES.expiredByOfficer), ["officer", "expired"])).toEqual([
      ["officer-x", 2],
    ]);
  });

  it("[MANAGER] reads the areas by status now", async () => {
    const tables = await report(fixture.manager, "MANAGER", { ...RANGE, park: fixture.park });
    expect(
      pick(reportTable(tables, OCCUPANCY_TABLES.now), [
        "building",
        "total",
        "vacant",
        "held",
        "signed",
        "occupied",
        "unavailable",
        "rate",
      ]),
    ).toEqual(
      closeTo([
        ["全园区", 6800, 2300, 0, 3500, 1000, 0, 4500 / 6800],
        ["1号楼", 2500, 1500, 0, 0, 1000, 0, 0.4],
        ["2号楼", 4300, 800, 0, 3500, 0, 0, 3500 / 4300],
      ]),
    );
  });

  it("[MANAGER] narrows to a building kind, and without a park reads every park", async () => {
    const offices = await report(fixture.manager, "MANAGER", { ...RANGE, park: fixture.park, kind: "OFFICE" });
    expect(pick(reportTable(offices, OCCUPANCY_TABLES.now), ["building", "total", "rate"])).toEqual(
      closeTo([
        ["全园区", 4300, 3500 / 4300],
        ["2号楼", 4300, 3500 / 4300],
      ]),
    );
    const all = await report(fixture.manager, "MANAGER", RANGE);
    const now = reportTable(all, OCCUPANCY_TABLES.now).rows.filter((row) => row.buildingId === null);
    expect(now.map((row) => [row.park, row.total, row.rate])).toEqual(
      closeTo([
        ["另一园区", 100, 1],
        ["平湖", 6800, 4500 / 6800],
      ]),
    );
  });

  it("[MANAGER] downloads it as CSV in the reader's language, rates as percentages and vacancy in days", async () => {
    const csv = async (locale: "zh-CN" | "en") => {
      const result = await exportReportCsv(
        database.opened.db,
        reportViewer(fixture.manager, "MANAGER"),
        { report: "occupancy", ...RANGE, park: fixture.park },
        { locale, now: NOW },
      );
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      return result.body.slice(1).split("\r\n");
    };
    const zh = await csv("zh-CN");
    expect(zh[0].startsWith("各期末出租率/去化率,")).toBe(true);
    expect(zh[1]).toBe("期间,截至,园区,楼栋,总面积（m²）,可租售面积（m²）,已签约及入驻面积（m²）,出租率/去化率（%）");
    expect(zh[2]).toBe("2026-08,2026-08-31,平湖,全园区,6000,5500,3000,54.55");
    const en = await csv("en");
    expect(en[2]).toBe("2026-08,2026-08-31,pinghu park,Whole park,6000,5500,3000,54.55");
    const vacancy = en.indexOf(
      "Park,Building,Vacant spells ended,Their average vacancy (days),Units vacant at the end," +
        "Their average vacancy so far (days)",
    );
    expect(en[vacancy + 1]).toBe("pinghu park,Whole park,5,41.8,3,25.67");
  });

  it("[MANAGER] sees the latest period's rate over the chart and every table, in both languages", async () => {
    const tables = await report(fixture.manager, "MANAGER", { ...RANGE, park: fixture.park });
    const chinese = await renderInLocale(
      createElement(OccupancySection, { tables, viewerId: fixture.manager }),
      "zh-CN",
    );
    // October's end: 4500 of 6800 m².
    expect(chinese).toContain(
      "截至 2026-10-31，所选园区出租率/去化率 66.2%（可租售 6,800 m²，已签约及入驻 4,500 m²）。",
    );
    expect(chinese).toContain('aria-label="各园区各期末出租率/去化率的折线图"');
    for (const caption of [
      "各期末出租率/去化率",
      "空置天数",
      "到期未签约的意向锁定（按招商人员）",
      "当前面积（按状态）",
    ])
      expect(chinese).toContain(caption);
    const english = await renderInLocale(createElement(OccupancySection, { tables, viewerId: fixture.manager }), "en");
    expect(english).toContain("As of 2026-10-31, occupancy of the parks chosen is 66.2%");
    expect(english).toContain("Whole park");
    const empty = await report(fixture.manager, "MANAGER", { range: "custom", from: "2026-01-01", to: "2026-01-31" });
    const nothing = await renderInLocale(
      createElement(OccupancySection, { tables: empty, viewerId: fixture.manager }),
      "zh-CN",
    );
    expect(nothing).toContain("所选范围内没有单元。");
    expect(nothing).not.toContain("<figure");
  });
}

describe("the occupancy report (PGlite)", () => occupancySuite(() => openTestPglite()));
describeOnPostgres("the occupancy report (PostgreSQL)", () => occupancySuite(() => openTestPostgres()));
