import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { conversionReport } from "@/lib/reports/conversion/queries";
import type { ReportFilter } from "@/lib/reports/filters";
import type { ReportTable } from "@/lib/reports/table";
import { trendReport } from "@/lib/reports/trend/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { seedReportFixture, type ReportFixture } from "../support/report-fixture";
import { at, closeTo, filterOf, october, pick, reportTable, reportViewer as viewer } from "../support/report-views";

/*
 * Every figure of the conversion and trend reports against the reports' fixture (header of
 * tests/support/report-fixture.ts), worked out by hand, October 2026. The fixture is alone in its
 * database, so the unfiltered view holds only its leads. The fixture's inquiries carry no UTM medium
 * or referrer, so this suite gives a few of them one (below); the edge leads of this suite's own park
 * come last and are read through park=<that park>.
 *
 * October's cohort (created 10-01..10-31 Asia/Shanghai, merged L7 never counted): L1 L2 L3 L5 L6.
 *   lead source medium referrer     listing park owner industry inquiries-in-range signed(tax)
 *   L1   baidu  cpc    baidu.com    LP1     P1   A     精密机械  1                   yes (180)
 *   L2   baidu  cpc    m.baidu.com  —       P1   A     新能源    2 (10-09, 10-11)    no
 *   L3   direct direct zhihu.com    LP2     P2   B     软件开发  1                   no
 *   L5   baidu  direct direct       —       P1   —     精密机械  1                   no
 *   L6   direct direct direct       —       P2   A     电子元件  2 (own + L7's)      no
 */

const tableOf = (tables: ReportTable[], key: string) => reportTable(tables, `reportsConversion.tables.${key}`);
const FIGURES = ["inquiries", "leads", "signed", "signedRate", "signedTax"];
const TREND = [
  "period",
  "inquiries",
  "inquiriesLastYear",
  "leads",
  "leadsLastYear",
  "signed",
  "signedLastYear",
  "signedTax",
  "signedTaxLastYear",
];

function reportsSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let fixture: ReportFixture;
  let manager: Viewer;
  let staffA: Viewer;
  let staffB: Viewer;
  const conversion = async (filter: ReportFilter, who: Viewer = manager) => conversionReport(db, who, filter);
  const trend = async (filter: ReportFilter, who: Viewer = manager) => (await trendReport(db, who, filter))[0];
  // As intake stores them: on the inquiry, and on the lead when the inquiry is the one that created it.
  const utm = async (lead: string, local: string, data: { utmMedium?: string | null; referrer?: string | null }) => {
    await db.inquiry.updateMany({ where: { leadId: lead, createdAt: at(local) }, data });
    await db.lead.updateMany({
      where: { id: lead, createdAt: at(local) },
      data: {
        ...("utmMedium" in data ? { firstUtmMedium: data.utmMedium } : {}),
        ...("referrer" in data ? { firstReferrer: data.referrer } : {}),
      },
    });
  };

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    fixture = await seedReportFixture(db, "r2");
    const { l1, l2, l3, l5, l6 } = fixture.leads;
    await utm(l1, "2026-10-08 10:00", { utmMedium: "cpc", referrer: "https://www.Baidu.com/s?wd=厂房" });
    await utm(l2, "2026-10-09 17:30", { utmMedium: " cpc ", referrer: "https://m.baidu.com/from=1" });
    // Not L2's first inquiry: its medium and referrer do not count.
    await utm(l2, "2026-10-11 12:00", { utmMedium: "email", referrer: "https://mail.qq.com/" });
    await utm(l3, "2026-10-12 20:00", { utmMedium: "", referrer: "https://user@www.zhihu.com:443/question/1" });
    await utm(l5, "2026-10-20 09:00", { referrer: "not a url" });
    // L7's inquiry, moved to L6 by the merge, is later than L6's own: L6 stays direct.
    await utm(l6, "2026-10-06 09:00", { utmMedium: "social", referrer: "https://weibo.com/x" });
    manager = viewer(fixture.users.manager, "MANAGER");
    staffA = viewer(fixture.users.a, "STAFF");
    staffB = viewer(fixture.users.b, "STAFF");
  });
  afterAll(async () => database?.cleanup());

  const P1 = "报表园区一r2";
  const P2 = "报表园区二r2";
  const A = "officer-a-r2";
  const B = "officer-b-r2";

  describe("conversion", () => {
    it("[MANAGER] October by source, medium and referring site of the first inquiry", async () => {
      const tables = await conversion(october());
      expect(tables.map((table) => table.key.split(".").pop())).toEqual([
        "source",
        "medium",
        "referrer",
        "listing",
        "park",
        "owner",
        "industry",
      ]);
      // baidu L1 L2 L5: 1+2+1 inquiries, L1 signed (180); direct L3 L6: 1+2 inquiries. Total 7 / 5 / 1 (0.2) / 180.
      expect(pick(tableOf(tables, "source"), ["source", ...FIGURES])).toEqual(
        closeTo([
          ["百度", 4, 3, 1, 1 / 3, 180],
          ["直接访问", 3, 2, 0, 0, 0],
          ["合计", 7, 5, 1, 0.2, 180],
        ]),
      );
      // cpc L1 L2 (" cpc " trimmed; L2's later "email" ignored); direct L3 (empty) L5 L6 (L7's "social" is not L6's first).
      expect(pick(tableOf(tables, "medium"), ["medium", ...FIGURES])).toEqual(
        closeTo([
          ["直接访问", 4, 3, 0, 0, 0],
          ["付费搜索", 3, 2, 1, 0.5, 180],
          ["合计", 7, 5, 1, 0.2, 180],
        ]),
      );
      // direct L5 ("not a url") L6; then one lead each, signed first, then by name: www. and port and user dropped.
      expect(pick(tableOf(tables, "referrer"), ["referrer", ...FIGURES])).toEqual(
        closeTo([
          ["直接访问", 3, 2, 0, 0, 0],
          ["baidu.com", 1, 1, 1, 1, 180],
          ["m.baidu.com", 2, 1, 0, 0, 0],
          ["zhihu.com", 1, 1, 0, 0, 0],
          ["合计", 7, 5, 1, 0.2, 180],
        ]),
      );
    });

    it("[MANAGER] October by listing, park, owner and industry, with the rows that have none", async () => {
      const tables = await conversion(october());
      // no listing: L2 L5 L6 (2+1+2); LP1: L1 signed; LP2: L3.
      expect(pick(tableOf(tables, "listing"), ["listing", "listingEn", ...FIGURES])).toEqual(
        closeTo([
          ["未关联房源", "No listing", 5, 3, 0, 0, 0],
          ["报表厂房r2", "报表厂房r2", 1, 1, 1, 1, 180],
          ["报表办公r2", "报表办公r2", 1, 1, 0, 0, 0],
          ["合计", "Total", 7, 5, 1, 0.2, 180],
        ]),
      );
      // P1: L1 L2 L5; P2: L3 L6.
      expect(pick(tableOf(tables, "park"), ["park", "parkEn", ...FIGURES])).toEqual(
        closeTo([
          [P1, "p1", 4, 3, 1, 1 / 3, 180],
          [P2, "p2", 3, 2, 0, 0, 0],
          ["合计", "Total", 7, 5, 1, 0.2, 180],
        ]),
      );
      // A: L1 L2 L6 (1+2+2); B: L3; unassigned: L5 — ties of one lead put the unassigned row last.
      expect(pick(tableOf(tables, "owner"), ["owner", ...FIGURES])).toEqual(
        closeTo([
          [A, 5, 3, 1, 1 / 3, 180],
          [B, 1, 1, 0, 0, 0],
          ["公海", 1, 1, 0, 0, 0],
          ["合计", 7, 5, 1, 0.2, 180],
        ]),
      );
      // 精密机械: L1 L5; then one lead each by code point: 新 (U+65B0) 电 (U+7535) 软 (U+8F6F).
      expect(pick(tableOf(tables, "industry"), ["industry", ...FIGURES])).toEqual(
        closeTo([
          ["精密机械", 2, 2, 1, 0.5, 180],
          ["新能源", 2, 1, 0, 0, 0],
          ["电子元件", 2, 1, 0, 0, 0],
          ["软件开发", 1, 1, 0, 0, 0],
          ["合计", 7, 5, 1, 0.2, 180],
        ]),
      );
      expect(tableOf(tables, "owner").rows.at(-1)?.row).toBe("total");
    });

    it("[MANAGER] owner=A keeps A's cohort: L1 L2 L6", async () => {
      const tables = await conversion(october({ owner: fixture.users.a }));
      expect(pick(tableOf(tables, "park"), ["park", ...FIGURES])).toEqual(
        closeTo([
          [P1, 3, 2, 1, 0.5, 180],
          [P2, 2, 1, 0, 0, 0],
          ["合计", 5, 3, 1, 1 / 3, 180],
        ]),
      );
    });

    it("[MANAGER] L4, created in September and signed in October, is not in October's cohort", async () => {
      const tables = await conversion(october({ source: "wechat" }));
      expect(tables.every((table) => table.rows.length === 0)).toBe(true);
    });

    it("[STAFF] sees their own leads only, whatever owner the URL names", async () => {
      const tables = await conversion(october({ owner: fixture.users.a }), staffB);
      // B's cohort is L3 alone.
      expect(pick(tableOf(tables, "owner"), ["owner", ...FIGURES])).toEqual(
        closeTo([
          [B, 1, 1, 0, 0, 0],
          ["合计", 1, 1, 0, 0, 0],
        ]),
      );
    });

    it("says nothing for an empty range: tables without rows", async () => {
      const tables = await conversion(filterOf({ range: "custom", from: "2024-01-01", to: "2024-01-31" }));
      expect(tables).toHaveLength(7);
      expect(tables.every((table) => table.rows.length === 0)).toBe(true);
    });
  });

  describe("trend", () => {
    it("[MANAGER] October by month, beside October 2025 (L8)", async () => {
      // 2026-10: inquiries L1 1, L2 2, L3 1, L5 1, L6 2 (own + L7's) = 7; new L1 L2 L3 L5 L6 = 5; signed L1 (10-25, 180)
      // and L4 (created in September, signed 10-18, 450) = 2 / 630. 2025-10: L8's inquiry, creation and signing (120).
      const table = await trend(october());
      expect(table.columns.map((column) => column.key)).toEqual(TREND);
      expect(pick(table, [...TREND, "start", "end"])).toEqual([
        ["2026-10", 7, 1, 5, 1, 2, 1, 630, 120, "2026-10-01", "2026-10-31"],
      ]);
    });

    it("[MANAGER] October by ISO week, whole weeks from Monday, beside the same week numbers of 2025", async () => {
      const table = await trend(october({ period: "week" }));
      expect(pick(table, TREND)).toEqual([
        // 09-28..10-04: nothing; 2025-W40 (09-29..10-05) nothing → null.
        ["2026-W40 · 09-28–10-04", 0, null, 0, null, 0, null, 0, null],
        // L6 10-05 (+ L7's inquiry 10-06), L1 10-08, L2 10-09 (+ 10-11): 5 inquiries, 3 leads.
        ["2026-W41 · 10-05–10-11", 5, null, 3, null, 0, null, 0, null],
        // L3 10-12; L4 signed Sun 10-18 (450). 2025-W42 (10-13..10-19): L8 created Wed 10-15.
        ["2026-W42 · 10-12–10-18", 1, 1, 1, 1, 1, 0, 450, 0],
        // L5 10-20; L1 signed Sun 10-25 (180). 2025-W43 (10-20..10-26) nothing.
        ["2026-W43 · 10-19–10-25", 1, null, 1, null, 1, null, 180, null],
        // nothing; 2025-W44 (10-27..11-02): L8 signed Tue 10-28 (120).
        ["2026-W44 · 10-26–11-01", 0, 0, 0, 0, 0, 1, 0, 120],
      ]);
    });

    it("[MANAGER] source=baidu: L1 L2 L5 this year, L8 a year earlier", async () => {
      const table = await trend(october({ source: "baidu" }));
      expect(pick(table, TREND)).toEqual([["2026-10", 4, 1, 3, 1, 1, 1, 180, 120]]);
    });

    it("[STAFF] B sees their own: L3, and L4 signed in October; nothing a year earlier", async () => {
      const table = await trend(october({ owner: fixture.users.a }), staffB);
      expect(pick(table, TREND)).toEqual([["2026-10", 1, null, 1, null, 1, null, 450, null]]);
    });

    it("[STAFF] A sees their own: L1 L2 L6, beside L8", async () => {
      const table = await trend(october(), staffA);
      expect(pick(table, TREND)).toEqual([["2026-10", 5, 1, 3, 1, 1, 1, 180, 120]]);
    });

    it("lists every period of an empty range, with zeros and no previous year", async () => {
      const table = await trend(filterOf({ range: "custom", from: "2024-01-01", to: "2024-02-29" }));
      expect(pick(table, TREND)).toEqual([
        ["2024-01", 0, null, 0, null, 0, null, 0, null],
        ["2024-02", 0, null, 0, null, 0, null, 0, null],
      ]);
    });
  });

  it("refuses an anonymous viewer", async () => {
    await expect(conversionReport(db, null, october())).rejects.toBeInstanceOf(AccessDenied);
    await expect(trendReport(db, null, october())).rejects.toBeInstanceOf(AccessDenied);
  });

  describe("edge leads of a park of their own (Asia/Shanghai days, an inquiry older than its lead, signings undone and redone)", () => {
    let park: string;
    beforeAll(async () => {
      park = (
        await db.park.create({
          data: {
            slug: "r2-edge",
            name: "报表园区R2",
            nameEn: "r2",
            city: "平湖",
            cityEn: "Pinghu",
            address: "",
            addressEn: "",
            description: "",
            descriptionEn: "",
            operatorName: "",
            contactPhone: "0573-00000000",
          },
        })
      ).id;
      const { a, b } = fixture.users;
      // E1 10-01 07:00 (UTC 09-30); E2 10-31 23:30; E3 11-01 00:30 (UTC 10-31); E4 10-10 10:00 with its own inquiry and an
      // older one (10-02) as a merge leaves it. Y1 signed, was lost, signed again on 10-15, then moved to a later WON stage
      // (from WON: no new signing). Y2 signed on 10-05 but moved back to negotiation: not signed now, never counted.
      // E5 2025-12-30.
      await db.stage.create({
        data: { key: "registered", name: "注册", nameEn: "Registered", position: 8, category: "WON" },
      });
      const leads: [string, string | null, number | null, [string, string][], [string, string][]][] = [
        ["E1", a, null, [["new", "2026-10-01 07:00"]], []],
        ["E2", b, null, [["new", "2026-10-31 23:30"]], []],
        ["E3", b, null, [["new", "2026-11-01 00:30"]], []],
        [
          "E4",
          a,
          null,
          [["new", "2026-10-10 10:00"]],
          [
            ["2026-10-02 10:00", "expo"],
            ["2026-10-10 10:00", "cpc"],
          ],
        ],
        // In 2026-W01 (2025-12-29..2026-01-04), the week a wrong "week 53 of 2025" would land on.
        ["E5", a, null, [["new", "2025-12-30 10:00"]], []],
        [
          "Y1",
          a,
          77,
          [
            ["new", "2026-09-01 10:00"],
            ["signed", "2026-09-10 10:00"],
            ["lost", "2026-09-20 10:00"],
            ["signed", "2026-10-15 10:00"],
            ["registered", "2026-10-20 10:00"],
          ],
          [],
        ],
        [
          "Y2",
          a,
          null,
          [
            ["new", "2026-09-01 10:00"],
            ["signed", "2026-10-05 10:00"],
            ["negotiation", "2026-10-08 10:00"],
          ],
          [],
        ],
      ];
      for (const [key, owner, tax, history, inquiries] of leads) {
        const own = inquiries.find(([when]) => when === history[0][1]);
        const lead = await db.lead.create({
          data: {
            phone: `1360000${key}`,
            company: `${key}边界测试有限公司`,
            contactName: key,
            source: "baidu",
            parkId: park,
            ownerId: owner,
            stageKey: history[0][0],
            signedAnnualTax: tax,
            createdAt: at(history[0][1]),
            lastInquiryAt: at(history[0][1]),
            inquiryCount: inquiries.length,
            firstUtmMedium: own?.[1] ?? null,
          },
        });
        // Moved as lib/leads/stage.ts moves: a lead signs when it enters a won stage from one that is not.
        const won = new Set(["signed", "registered"]);
        let from: string | null = null;
        for (const [to, when] of history) {
          await db.stageChange.create({ data: { leadId: lead.id, fromKey: from, toKey: to, changedAt: at(when) } });
          if (from !== null) {
            const signs = won.has(to) && !won.has(from);
            await db.lead.update({
              where: { id: lead.id },
              data: { stageKey: to, ...(signs ? { signedAt: at(when) } : won.has(to) ? {} : { signedAt: null }) },
            });
          }
          from = to;
        }
        for (const [when, medium] of inquiries) {
          await db.inquiry.create({
            data: {
              reference: `R-r2-${key}-${medium}`,
              requestHash: "fixture",
              leadId: lead.id,
              needDeal: "RENT",
              needKind: "FACTORY",
              needArea: 2000,
              needAreaUnit: "SQM",
              use: "",
              expectedAnnualTax: 10,
              company: `${key}边界测试有限公司`,
              contactName: key,
              phone: `1360000${key}`,
              consentNoticeVersion: "fixture",
              consentedAt: at(when),
              channel: "FORM",
              locale: "zh-CN",
              utmSource: "baidu",
              utmMedium: medium,
              leadOwnerId: owner,
              leadParkId: park,
              leadNeedKind: "FACTORY",
              leadSource: "baidu",
              createdAt: at(when),
            },
          });
        }
      }
    });

    it("conversion: E1 (10-01 07:00, UTC September) and E2 (10-31 23:30) are October's, E3 (11-01 00:30, UTC October) is not", async () => {
      const tables = await conversion(october({ park }));
      // cohort E1 E2 E4; E4's two inquiries are both in October; its medium is its own first inquiry's (cpc), not the older expo.
      expect(pick(tableOf(tables, "medium"), ["medium", ...FIGURES])).toEqual(
        closeTo([
          ["直接访问", 0, 2, 0, 0, 0],
          ["付费搜索", 2, 1, 0, 0, 0],
          ["合计", 2, 3, 0, 0, 0],
        ]),
      );
      // Neither industry nor use given.
      expect(pick(tableOf(tables, "industry"), ["industry", ...FIGURES])).toEqual(
        closeTo([
          ["未填写", 2, 3, 0, 0, 0],
          ["合计", 2, 3, 0, 0, 0],
        ]),
      );
      expect(pick(tableOf(tables, "owner"), ["owner", "leads"])).toEqual([
        [A, 2],
        [B, 1],
        ["合计", 3],
      ]);
    });

    it("trend: months by Shanghai days; weeks are whole, so W44 also holds E3 of November 1st; Y1 signed on 10-15", async () => {
      // inquiries E4's two; new E1 E2 E4; signed Y1 (latest entry into WON from a stage not WON: 10-15, tax 77), Y2 not signed now.
      expect(pick(await trend(october({ park })), TREND)).toEqual([["2026-10", 2, null, 3, null, 1, null, 77, null]]);
      expect(pick(await trend(october({ park, period: "week" })), ["period", "inquiries", "leads", "signed"])).toEqual([
        ["2026-W40 · 09-28–10-04", 1, 1, 0],
        ["2026-W41 · 10-05–10-11", 1, 1, 0],
        ["2026-W42 · 10-12–10-18", 0, 0, 1],
        ["2026-W43 · 10-19–10-25", 0, 0, 0],
        ["2026-W44 · 10-26–11-01", 0, 2, 0],
      ]);
    });

    it("trend: ISO week 53 has no previous period; 2027-W01 sits beside 2026-W01 (E5)", async () => {
      // 2026-W53 is 12-28..2027-01-03 and 2025 had 52 weeks; to_date('2025-53') would give 2025-12-29, i.e. 2026-W01.
      const table = await trend(
        filterOf({ range: "custom", from: "2026-12-28", to: "2027-01-04", period: "week", park }),
      );
      expect(pick(table, ["period", "start", "end", "leads", "leadsLastYear", "inquiriesLastYear"])).toEqual([
        ["2026-W53 · 12-28–01-03", "2026-12-28", "2027-01-03", 0, null, null],
        ["2027-W01 · 01-04–01-10", "2027-01-04", "2027-01-10", 0, 1, 0],
      ]);
    });
  });
}

describe("conversion and trend reports on PGlite", () => reportsSuite(() => openTestPglite()));
describeOnPostgres("conversion and trend reports on PostgreSQL", () => reportsSuite(() => openTestPostgres()));
