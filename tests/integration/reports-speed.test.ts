import { createElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SpeedSection } from "@/components/reports/speed-section";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import { workingHoursBetween } from "@/lib/calendar/working-hours";
import type { ReportFilter } from "@/lib/reports/filters";
import { speedReport } from "@/lib/reports/speed/queries";
import type { ReportTable, ReportValue } from "@/lib/reports/table";
import { dayResponseDeadline } from "@/lib/calendar/response-deadline";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { seedReportFixture, type ReportFixture } from "../support/report-fixture";
import { at } from "../support/report-views";
import { renderInLocale } from "../support/render-server";

// The section reads the page's locale from the request's cookie, as on a page.
vi.mock("next/headers", async () => ({ cookies: (await import("../support/render-server")).localeCookies }));

const view = (from: string, to: string, extra: Partial<ReportFilter> = {}): ReportFilter => ({
  range: "custom",
  from,
  to,
  period: "month",
  ...extra,
});
const october = view("2026-10-01", "2026-10-31");
const NOW = at("2026-11-30 12:00");
const close = (value: number) => expect.closeTo(value, 6);

/** A table's rows, numbers compared to 6 decimals. */
function rowsOf(tables: ReportTable[], key: string): Record<string, ReportValue>[] {
  const table = tables.find((candidate) => candidate.key === `reportsSpeed.tables.${key}`);
  if (!table) throw new Error(`no table ${key}`);
  return table.rows;
}
const response = (
  leads: number,
  answered: number,
  median: number | null,
  p90: number | null,
  withinHour: number,
  withinDay: number,
) => ({
  leads,
  answered,
  unanswered: leads - answered,
  median: median === null ? null : close(median),
  p90: p90 === null ? null : close(p90),
  withinHour: close(withinHour),
  withinDay: close(withinDay),
});
const stage = (stageKey: string, stays: number, average: number, median: number) =>
  expect.objectContaining({ stageKey, stays, average: close(average), median: close(median) });

function speedSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let fixture: ReportFixture;
  let manager: Viewer;
  const staff = (id: string): Viewer => ({ id, email: "", name: "", role: "STAFF" });

  beforeAll(async () => {
    database = await open();
    fixture = await seedReportFixture(database.opened.db, "sp");
    manager = { id: fixture.users.manager, email: "", name: "", role: "MANAGER" };
  });
  afterAll(async () => database?.cleanup());

  it("[MANAGER] October: first response overall and by owner", async () => {
    const tables = await speedReport(database.opened.db, manager, october, NOW);
    // Cohort: created in October and not merged away = L1, L2, L3, L5, L6 (L4 September, L7 merged, L8 2025, L9 November).
    // Elapsed hours: L1 0.5 (10:00→10:30), L2 64 (Fri 17:30→Mon 09:30), L3 15 (Mon 20:00→Tue 11:00), L6 1, L5 never.
    // Median of [0.5, 1, 15, 64] = (1 + 15) / 2 = 8; p90 at position 0.9·3 = 2.7: 15 + 0.7·(64 − 15) = 49.3.
    // Within 1 hour (≤ 1 h): L1, L6 = 2/5. Within 1 working day: L1, L6 same day; L2 due Mon 17:30, answered 09:30;
    // L3 arrived after closing, its clock starts Tue 09:00, due Wed 09:00, answered Tue 11:00 → 4/5 (L5 is not answered).
    expect(rowsOf(tables, "response")).toEqual([response(5, 4, 8, 49.3, 0.4, 0.8)]);
    expect(rowsOf(tables, "responseByOwner")).toEqual([
      // A: L1 0.5, L2 64, L6 1 → median 1; p90 at 0.9·2 = 1.8: 1 + 0.8·63 = 51.4; within 1 h: L1, L6.
      {
        ownerId: fixture.users.a,
        owner: "officer-a-sp",
        ownerEn: "officer-a-sp",
        ...response(3, 3, 1, 51.4, 2 / 3, 1),
      },
      // B: L3 15 h.
      { ownerId: fixture.users.b, owner: "officer-b-sp", ownerEn: "officer-b-sp", ...response(1, 1, 15, 15, 0, 1) },
      // Unassigned: L5, never answered: in the denominators, not in the median.
      { ownerId: null, owner: "公海", ownerEn: "Pool", ...response(1, 0, null, null, 0, 0) },
    ]);
  });

  it("[MANAGER] October: days in each stage from the cohort's completed stays, L7's merged into L6's", async () => {
    const rows = rowsOf(await speedReport(database.opened.db, manager, october, NOW), "stages");
    // L6: new 10-05 14:00, contacted 15:00, screening 10-11 10:00. L7, merged into it: new 10-06 09:00, contacted 10-07 10:00,
    // still contacted when merged, so that stay never ended.
    // new: L1 0.5 h, L2 64 h, L3 15 h, L6 1 h, L7 25 h = 105.5 h / 5 = 21.1 h = 0.879167 d; median 15 h = 0.625 d.
    // contacted: L1 47.5 h (→ 10-10 10:00), L2 48.5 h (→ 10-14 10:00), L3 71 h (→ lost 10-16 10:00), L3 24 h (reopened
    // 10-21 → 10-22), L6 139 h (10-05 15:00 → screening 10-11 10:00) = 330 h / 5 = 66 h = 2.75 d; median 48.5 h = 2.020833 d.
    // site_visit: L1 5 d. screening: L1 5 d (L6 still there). negotiation: L1 5 d, L2 6 d. lost: L3 5 d (reopened).
    // signed: nobody left it, so the won stage is not listed; L5 and every current stage have no completed stay.
    expect(rows).toEqual([
      stage("new", 5, 105.5 / 5 / 24, 15 / 24),
      stage("contacted", 5, 330 / 5 / 24, 48.5 / 24),
      stage("site_visit", 1, 5, 5),
      stage("screening", 1, 5, 5),
      stage("negotiation", 2, 5.5, 5.5),
      stage("lost", 1, 5, 5),
    ]);
    expect(rows[0]).toMatchObject({ stage: "新线索", stageEn: "New" });
  });

  it("[MANAGER] October: cycle time to signing counts L4, created in September and signed in October", async () => {
    // L1 10-08 10:00 → 10-25 10:00 = 17 d; L4 09-20 10:00 → 10-18 10:00 = 28 d; L8 signed in 2025 is outside.
    expect(rowsOf(await speedReport(database.opened.db, manager, october, NOW), "cycle")).toEqual([
      { signed: 2, average: close(22.5), median: close(22.5) },
    ]);
  });

  it("[MANAGER] a park filter keeps only that park's leads", async () => {
    const tables = await speedReport(database.opened.db, manager, { ...october, park: fixture.parks.p1 }, NOW);
    // P1: L1 0.5 h, L2 64 h, L5 unanswered. Median (0.5 + 64) / 2 = 32.25; p90 0.5 + 0.9·63.5 = 57.65.
    expect(rowsOf(tables, "response")).toEqual([response(3, 2, 32.25, 57.65, 1 / 3, 2 / 3)]);
    expect(rowsOf(tables, "responseByOwner").map((row) => row.ownerId)).toEqual([fixture.users.a, null]);
    // new: 0.5 h, 64 h → 32.25 h; contacted: 47.5 h, 48.5 h → 2 d; L2 is still lost, so no lost row.
    expect(rowsOf(tables, "stages")).toEqual([
      stage("new", 2, 32.25 / 24, 32.25 / 24),
      stage("contacted", 2, 2, 2),
      stage("site_visit", 1, 5, 5),
      stage("screening", 1, 5, 5),
      stage("negotiation", 2, 5.5, 5.5),
    ]);
    expect(rowsOf(tables, "cycle")).toEqual([{ signed: 1, average: close(17), median: close(17) }]);
  });

  it("[STAFF] sees only their own leads, whatever owner the view names", async () => {
    const tables = await speedReport(
      database.opened.db,
      staff(fixture.users.a),
      { ...october, owner: fixture.users.b },
      NOW,
    );
    // A: L1, L2, L6 (as above).
    expect(rowsOf(tables, "response")).toEqual([response(3, 3, 1, 51.4, 2 / 3, 1)]);
    expect(rowsOf(tables, "responseByOwner").map((row) => row.ownerId)).toEqual([fixture.users.a]);
    // new: 0.5, 64, 1, 25 h → 90.5 / 4 = 22.625 h, median (1 + 25) / 2 = 13 h; contacted: 47.5, 48.5, 139 h → 78.33 h, median 48.5 h.
    expect(rowsOf(tables, "stages").slice(0, 2)).toEqual([
      stage("new", 4, 22.625 / 24, 13 / 24),
      stage("contacted", 3, 235 / 3 / 24, 48.5 / 24),
    ]);
    expect(rowsOf(tables, "cycle")).toEqual([{ signed: 1, average: close(17), median: close(17) }]);
    // B's only signing is L4 (28 d); B's cohort is L3 alone.
    const b = await speedReport(database.opened.db, staff(fixture.users.b), october, NOW);
    expect(rowsOf(b, "cycle")).toEqual([{ signed: 1, average: close(28), median: close(28) }]);
    expect(rowsOf(b, "response")).toEqual([response(1, 1, 15, 15, 0, 1)]);
  });

  it("says an empty range is empty", async () => {
    const tables = await speedReport(database.opened.db, manager, view("2030-01-01", "2030-01-31"), NOW);
    expect(tables.map((table) => [table.key, table.rows.length])).toEqual([
      ["reportsSpeed.tables.response", 0],
      ["reportsSpeed.tables.responseByOwner", 0],
      ["reportsSpeed.tables.stages", 0],
      ["reportsSpeed.tables.cycle", 0],
    ]);
  });

  it("dates a lead signed twice by its last signing, and times the stays its moves completed", async () => {
    const { db } = database.opened;
    const lead = await db.lead.create({
      data: {
        phone: "13700000001",
        company: "二次签约",
        contactName: "二次签约",
        createdAt: at("2027-03-01 10:00"),
        stageChangedAt: at("2027-03-01 10:00"),
      },
    });
    // Moved as lib/leads/stage.ts moves: entering the won stage signs, leaving it undoes the signing.
    const moves: [string, string][] = [
      ["signed", "2027-03-10 10:00"],
      ["lost", "2027-03-20 10:00"],
      ["signed", "2027-04-05 10:00"],
    ];
    for (const [stageKey, when] of moves) {
      await db.lead.update({
        where: { id: lead.id },
        data: { stageKey, stageChangedAt: at(when), signedAt: stageKey === "signed" ? at(when) : null },
      });
    }
    // March holds a signing, but the lead's last one is in April: March counts none, April counts it (03-01 → 04-05 = 35 d).
    expect(rowsOf(await speedReport(db, manager, view("2027-03-01", "2027-03-31"), NOW), "cycle")).toEqual([]);
    expect(rowsOf(await speedReport(db, manager, view("2027-04-01", "2027-04-30"), NOW), "cycle")).toEqual([
      { signed: 1, average: close(35), median: close(35) },
    ]);
    // Its stays: new 9 d, signed 10 d (left for lost), lost 16 d; the second signing is still going on.
    const stays = rowsOf(await speedReport(db, manager, view("2027-03-01", "2027-03-31"), NOW), "stages");
    expect(stays.filter((row) => Number(row.stays) > 0)).toEqual([
      stage("new", 1, 9, 9),
      stage("signed", 1, 10, 10),
      stage("lost", 1, 16, 16),
    ]);
  });

  it("shows the figures under their charts in Chinese and English, and an empty range as empty", async () => {
    const tables = await speedReport(database.opened.db, manager, october, NOW);
    const chinese = await renderInLocale(createElement(SpeedSection, { tables, viewerId: manager.id }), "zh-CN");
    // The p90 of 49.3 hours is past two days, so the owners' chart and that cell read in days.
    expect(chinese).toContain("各负责人首次响应时间的柱状图（单位：天）");
    expect(chinese).toContain("2.1 天");
    expect(chinese).toContain('<span data-column="median">8 小时</span>');
    expect(chinese).toContain("80.0%");
    expect(chinese).toContain("公海");
    expect(chinese).toContain("22.5 天");
    const english = await renderInLocale(createElement(SpeedSection, { tables, viewerId: manager.id }), "en");
    expect(english).toContain("Pool");
    expect(english).toContain("Negotiation");
    const empty = await speedReport(database.opened.db, manager, view("2030-01-01", "2030-01-31"), NOW);
    const nothing = await renderInLocale(createElement(SpeedSection, { tables: empty, viewerId: manager.id }), "zh-CN");
    expect(nothing).toContain("所选范围内没有数据。");
    expect(nothing).not.toContain("<figure");
  });

  it("[anonymous] is refused", async () => {
    await expect(speedReport(database.opened.db, null, october, NOW)).rejects.toBeInstanceOf(AccessDenied);
  });

  describe("within 1 working day, against the working-hours settings", () => {
    // December 2026: Mon 12-14, Thu 12-24 and Fri 12-25 are holidays, Sat 12-26 is a make-up working day.
    const december = view("2026-12-01", "2026-12-31");
    const calendar = {
      ...DEFAULT_SETTINGS.workingHours,
      holidays: ["2026-12-14", "2026-12-24", "2026-12-25"],
      workdays: ["2026-12-26"],
    };
    // [arrival, response, within 1 working day at 09:00–18:00, within at 10:00–16:00]
    const cases: Record<string, [string, string, 0 | 1, 0 | 1]> = {
      friEveningHolidayMonday: ["2026-12-11 17:30", "2026-12-15 17:00", 1, 1], // due Tue 17:30 (Mon is off); at 10–16 due Wed 10:00
      friEveningLate: ["2026-12-11 17:30", "2026-12-15 17:31", 0, 1],
      weekendBeforeDue: ["2026-12-12 10:00", "2026-12-16 08:59", 1, 1], // clock starts Tue 09:00 → due Wed 09:00
      weekendAfterDue: ["2026-12-12 10:00", "2026-12-16 09:01", 0, 1], // at 10–16 due Wed 10:00
      closingTimeSharp: ["2026-12-23 18:00", "2026-12-28 09:00", 1, 1], // closed: starts Sat 12-26 (made up) → due Mon 09:00
      closingTimeLate: ["2026-12-23 18:00", "2026-12-28 09:01", 0, 1], // at 10–16 18:00 is closed too: due Mon 10:00
      onHoliday: ["2026-12-24 11:00", "2026-12-27 22:00", 1, 1], // starts Sat 09:00, due Mon 09:00
      beforeOpening: ["2026-12-23 08:00", "2026-12-26 09:30", 0, 1], // due Sat 09:00 (made up) at 09–18; Sat 10:00 at 10–16
      openingSharp: ["2026-12-16 09:00", "2026-12-17 09:00", 1, 1], // at 10–16: before opening, due Thu 10:00
      inHoursNextDayLate: ["2026-12-16 11:00", "2026-12-17 11:01", 0, 0],
      neverAnswered: ["2026-12-01 10:00", "", 0, 0],
    };

    const shorter = { ...calendar, start: "10:00", end: "16:00" };
    // Intake keeps each lead's deadline by the working hours in force when it arrives (lib/leads/intake/intake.ts):
    // the cases arrive once under 09:00–18:00 and once more, as "<case>-short", under 10:00–16:00.
    beforeAll(async () => {
      const { db } = database.opened;
      for (const [suffix, hours] of [
        ["", calendar],
        ["-short", shorter],
      ] as const) {
        for (const [name, [arrival, answer]] of Object.entries(cases)) {
          const owner = await db.user.create({
            data: {
              email: `${name}${suffix}@speed.test`,
              name: `${name}${suffix}`,
              role: "STAFF",
              passwordHash: "unused",
            },
          });
          await db.lead.create({
            data: {
              phone: `1380000${suffix ? "1" : "0"}${String(Object.keys(cases).indexOf(name)).padStart(3, "0")}`,
              company: name,
              contactName: name,
              ownerId: owner.id,
              createdAt: at(arrival),
              dayResponseDueAt: dayResponseDeadline(at(arrival), hours),
              firstRespondedAt: answer ? at(answer) : null,
            },
          });
        }
      }
    });

    async function withinDayByOwner(suffix: string): Promise<Record<string, ReportValue>> {
      const rows = rowsOf(
        await speedReport(database.opened.db, manager, december, at("2027-01-31 12:00")),
        "responseByOwner",
      );
      const short = (row: Record<string, ReportValue>) => String(row.owner).endsWith("-short");
      return Object.fromEntries(
        rows
          .filter((row) => short(row) === (suffix === "-short"))
          .map((row) => [String(row.owner).replace("-short", ""), row.withinDay]),
      );
    }

    it("follows weekends, holidays, make-up days and the opening and closing times", async () => {
      expect(await withinDayByOwner("")).toEqual(
        Object.fromEntries(Object.entries(cases).map(([name, [, , expected]]) => [name, expected])),
      );
      // The same answer as lib/calendar/working-hours: no more than one working day (9 h) of working time had run.
      for (const [arrival, answer, expected] of Object.values(cases)) {
        if (answer) expect(workingHoursBetween(at(arrival), at(answer), calendar) <= 9 ? 1 : 0).toBe(expected);
      }
    });

    it("counts each lead by the working hours in force when it arrived", async () => {
      expect(await withinDayByOwner("-short")).toEqual(
        Object.fromEntries(Object.entries(cases).map(([name, [, , , expected]]) => [name, expected])),
      );
      for (const [arrival, answer, , expected] of Object.values(cases)) {
        if (answer) expect(workingHoursBetween(at(arrival), at(answer), shorter) <= 6 ? 1 : 0).toBe(expected);
      }
    });
  });
}

describe("speed report on PGlite", () => speedSuite(() => openTestPglite()));
describeOnPostgres("speed report on PostgreSQL", () => speedSuite(() => openTestPostgres()));
