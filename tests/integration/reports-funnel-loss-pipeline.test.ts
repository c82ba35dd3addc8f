import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { funnelReport } from "@/lib/reports/funnel/queries";
import { lossReport } from "@/lib/reports/loss/queries";
import { pipelineReport } from "@/lib/reports/pipeline/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { seedReportFixture, type ReportFixture } from "../support/report-fixture";
import { seedEdgeLeads, type EdgeLeads } from "../support/report-edge-leads";
import {
  closeTo,
  filterOf,
  october,
  pick,
  reportTable as tableOf,
  reportViewer as viewer,
} from "../support/report-views";

/*
 * Every figure of the funnel, loss and pipeline reports against the reports' fixture (see the header
 * of tests/support/report-fixture.ts), worked out by hand, October 2026 unless said otherwise.
 * The fixture is alone in its database, so the unfiltered view holds only its leads; the edge
 * leads (park P3, tests/support/report-edge-leads.ts) are added last and read through park=P3.
 */

const FUNNEL = "reports.tables.funnel";
const COHORT = "reports.tables.funnelCohort";

function reportsSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let fixture: ReportFixture;
  let manager: Viewer;
  let staffA: Viewer;
  let staffB: Viewer;

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    fixture = await seedReportFixture(db, "r1");
    // L3's loss named the park, as lib/leads/stage.ts records it on the timeline; reopening it cleared Lead.lostToPark.
    await db.activity.create({
      data: {
        leadId: fixture.leads.l3,
        actorId: fixture.users.b,
        kind: "STAGE",
        occurredAt: new Date("2026-10-16T10:00:00+08:00"),
        details: { from: "contacted", to: "lost", lostReasonKey: "other_park", lostToPark: "苏州工业园区" },
      },
    });
    manager = viewer(fixture.users.manager, "MANAGER");
    staffA = viewer(fixture.users.a, "STAFF");
    staffB = viewer(fixture.users.b, "STAFF");
  });
  afterAll(async () => database?.cleanup());

  describe("funnel", () => {
    it("[MANAGER] counts the October cohort by the furthest stage each lead ever reached", async () => {
      const tables = await funnelReport(db, manager, october());
      // Cohort: L1 L2 L3 L5 L6 (L4 created in September, L7 merged, L8 a year earlier, L9 in November).
      // Furthest open/won stage: L1 signed(6); L2 negotiation(5) before its loss; L3 site_visit(3) after
      // reopening; L5 new(1); L6 screening(4) (L7's merged history adds nothing further).
      // reached: new 5, contacted 4, site_visit 4 (L2 skipped it yet passed it), screening 3, negotiation 2, signed 1.
      expect(pick(tableOf(tables, FUNNEL), ["stageKey", "reached", "toNext", "overall"])).toEqual(
        closeTo([
          ["new", 5, 4 / 5, 1],
          ["contacted", 4, 4 / 4, 4 / 5],
          ["site_visit", 4, 3 / 4, 4 / 5],
          ["screening", 3, 2 / 3, 3 / 5],
          ["negotiation", 2, 1 / 2, 2 / 5],
          ["signed", 1, null, 1 / 5],
        ]),
      );
      expect(tableOf(tables, FUNNEL).rows[0]).toMatchObject({ stage: "新线索", stageEn: "New" });
      // Lost now: L2 only (L3 was reopened).
      expect(tableOf(tables, COHORT).rows).toEqual([{ leads: 5, lost: 1, lostRate: expect.closeTo(1 / 5, 9) }]);
    });

    it("[MANAGER] reads the same month through the this_month preset in Asia/Shanghai", async () => {
      const custom = await funnelReport(db, manager, october());
      // 2026-10-31 20:00 UTC is already 1 November in Shanghai: this_month is then November (only L9).
      const lateUtc = await funnelReport(
        db,
        manager,
        filterOf({ range: "this_month" }),
        new Date("2026-10-31T20:00:00Z"),
      );
      expect(
        await funnelReport(db, manager, filterOf({ range: "this_month" }), new Date("2026-10-31T15:00:00Z")),
      ).toEqual(custom);
      expect(tableOf(lateUtc, COHORT).rows).toEqual([{ leads: 1, lost: 0, lostRate: 0 }]);
    });

    it("[MANAGER] narrows by park and by source", async () => {
      // P1: L1 (signed), L2 (negotiation, lost), L5 (new).
      const p1 = await funnelReport(db, manager, october({ park: fixture.parks.p1 }));
      expect(pick(tableOf(p1, FUNNEL), ["stageKey", "reached", "toNext", "overall"])).toEqual(
        closeTo([
          ["new", 3, 2 / 3, 1],
          ["contacted", 2, 1, 2 / 3],
          ["site_visit", 2, 1, 2 / 3],
          ["screening", 2, 1, 2 / 3],
          ["negotiation", 2, 1 / 2, 2 / 3],
          ["signed", 1, null, 1 / 3],
        ]),
      );
      // direct: L3 (site_visit) and L6 (screening); nobody reached negotiation, so its rate to signed is no figure.
      const direct = await funnelReport(db, manager, october({ source: "direct" }));
      expect(pick(tableOf(direct, FUNNEL), ["stageKey", "reached", "toNext", "overall"])).toEqual(
        closeTo([
          ["new", 2, 1, 1],
          ["contacted", 2, 1, 1],
          ["site_visit", 2, 1 / 2, 1],
          ["screening", 1, 0, 1 / 2],
          ["negotiation", 0, null, 0],
          ["signed", 0, null, 0],
        ]),
      );
      expect(tableOf(direct, COHORT).rows).toEqual([{ leads: 2, lost: 0, lostRate: 0 }]);
    });

    it("[STAFF] sees only their own leads' funnel, whatever owner the URL names", async () => {
      // A owns L1 L2 L6 in the cohort: furthest signed, negotiation, screening.
      const own = await funnelReport(db, staffA, october({ owner: fixture.users.b }));
      expect(pick(tableOf(own, FUNNEL), ["stageKey", "reached"])).toEqual([
        ["new", 3],
        ["contacted", 3],
        ["site_visit", 3],
        ["screening", 3],
        ["negotiation", 2],
        ["signed", 1],
      ]);
      expect(tableOf(own, COHORT).rows).toEqual([{ leads: 3, lost: 1, lostRate: expect.closeTo(1 / 3, 9) }]);
      // B owns L3 only; a manager filtering on B sees the same.
      const b = pick(tableOf(await funnelReport(db, staffB, october()), FUNNEL), ["stageKey", "reached"]);
      expect(b).toEqual([
        ["new", 1],
        ["contacted", 1],
        ["site_visit", 1],
        ["screening", 0],
        ["negotiation", 0],
        ["signed", 0],
      ]);
      expect(
        pick(tableOf(await funnelReport(db, manager, october({ owner: fixture.users.b })), FUNNEL), [
          "stageKey",
          "reached",
        ]),
      ).toEqual(b);
    });

    it("says an empty range is empty", async () => {
      const tables = await funnelReport(
        db,
        manager,
        filterOf({ range: "custom", from: "2026-12-01", to: "2026-12-31" }),
      );
      expect(tableOf(tables, FUNNEL).rows).toEqual([]);
      expect(tableOf(tables, COHORT).rows).toEqual([{ leads: 0, lost: 0, lostRate: null }]);
    });
  });

  describe("loss", () => {
    it("[MANAGER] counts the leads lost in October by reason, by the stage they left and by the park chosen", async () => {
      const tables = await lossReport(db, manager, october());
      // L2 lost 10-20 from negotiation (price); L3 lost 10-16 from contacted (other_park, 苏州工业园区),
      // reopened since but the loss happened in October. Ties in count go by the reasons' order (price 4, other_park 5).
      expect(
        pick(tableOf(tables, "reports.tables.lossReasons"), ["reasonKey", "reason", "reasonEn", "leads", "share"]),
      ).toEqual([
        ["price", "价格", "Price", 1, 0.5],
        ["other_park", "选择其他园区", "Chose another park", 1, 0.5],
      ]);
      expect(pick(tableOf(tables, "reports.tables.lossStages"), ["stageKey", "leads", "share"])).toEqual([
        ["contacted", 1, 0.5],
        ["negotiation", 1, 0.5],
      ]);
      expect(tableOf(tables, "reports.tables.lossTotal").rows).toEqual([{ leads: 2 }]);
      // The park comes from L3's timeline line, as Lead.lostToPark was cleared when it was reopened.
      expect(tableOf(tables, "reports.tables.lossParks").rows).toEqual([{ park: "苏州工业园区", leads: 1 }]);
    });

    it("[MANAGER] narrows by park; September holds no loss", async () => {
      const p1 = await lossReport(db, manager, october({ park: fixture.parks.p1 }));
      expect(pick(tableOf(p1, "reports.tables.lossReasons"), ["reasonKey", "leads", "share"])).toEqual([
        ["price", 1, 1],
      ]);
      expect(tableOf(p1, "reports.tables.lossParks").rows).toEqual([]);
      const september = await lossReport(
        db,
        manager,
        filterOf({ range: "custom", from: "2026-09-01", to: "2026-09-30" }),
      );
      expect(september.map((table) => table.rows)).toEqual([[{ leads: 0 }], [], [], []]);
    });

    it("[STAFF] sees only the losses of their own leads", async () => {
      expect(
        pick(tableOf(await lossReport(db, staffA, october()), "reports.tables.lossReasons"), ["reasonKey", "leads"]),
      ).toEqual([["price", 1]]);
      expect(
        pick(tableOf(await lossReport(db, staffB, october({ owner: fixture.users.a })), "reports.tables.lossReasons"), [
          "reasonKey",
          "leads",
        ]),
      ).toEqual([["other_park", 1]]);
    });
  });

  describe("pipeline", () => {
    it("[MANAGER] sums the open leads right now by open stage, whatever the range", async () => {
      // Open now: L5 new (80 tax, 1000 inv, 1000 m²), L9 new (60, 900, 800 m²), L3 site_visit (50, 800, 500 m²),
      // L6 screening (300, 6000, 4000 m²). L1 L4 L8 signed, L2 lost, L7 merged. 亩 = m² / 666.67, to 2 places.
      const tables = await pipelineReport(db, manager, october());
      expect(
        pick(tableOf(tables, "reports.tables.pipeline"), [
          "stageKey",
          "leads",
          "tax",
          "areaSqm",
          "areaMu",
          "investment",
        ]),
      ).toEqual([
        ["new", 2, 140, 1800, 2.7, 1900],
        ["contacted", 0, 0, 0, 0, 0],
        ["site_visit", 1, 50, 500, 0.75, 800],
        ["screening", 1, 300, 4000, 6, 6000],
        ["negotiation", 0, 0, 0, 0, 0],
      ]);
      expect(tableOf(tables, "reports.tables.pipelineTotal").rows).toEqual([
        { leads: 4, tax: 490, areaSqm: 6300, areaMu: 9.45, investment: 8700 },
      ]);
      expect(
        await pipelineReport(db, manager, filterOf({ range: "custom", from: "2020-01-01", to: "2020-01-31" })),
      ).toEqual(tables);
    });

    it("[MANAGER] narrows by kind; [STAFF] sees only their own open leads", async () => {
      const office = await pipelineReport(db, manager, october({ kind: "OFFICE" }));
      expect(tableOf(office, "reports.tables.pipelineTotal").rows).toEqual([
        { leads: 1, tax: 50, areaSqm: 500, areaMu: 0.75, investment: 800 },
      ]);
      // A: L9 (new) and L6 (screening); L5 is in the pool, not A's.
      const own = await pipelineReport(db, staffA, october());
      expect(pick(tableOf(own, "reports.tables.pipeline"), ["stageKey", "leads", "tax"])).toEqual([
        ["new", 1, 60],
        ["contacted", 0, 0],
        ["site_visit", 0, 0],
        ["screening", 1, 300],
        ["negotiation", 0, 0],
      ]);
    });
  });

  it("[ANONYMOUS] is refused every report", async () => {
    for (const report of [funnelReport, lossReport, pipelineReport]) {
      await expect(report(db, null, october())).rejects.toBeInstanceOf(AccessDenied);
    }
  });

  describe("edge leads of park P3", () => {
    let edge: EdgeLeads;
    beforeAll(async () => {
      edge = await seedEdgeLeads(db, fixture);
    });

    it("[MANAGER] counts a lead by its Shanghai creation day, how far it got before moving back, and a merged lead's history", async () => {
      // X1 10-01 07:00 (UTC 09-30) and X2 10-31 23:30 are October; X3 11-01 00:30 (UTC 10-31) is not; X4 archived still
      // counts; X7 is merged away. Furthest: X1 negotiation (lost twice), X2 contacted, X4 new, X5 negotiation (moved
      // back to contacted), X6 site_visit (X7's September history, moved to it by the merge).
      const tables = await funnelReport(db, manager, october({ park: edge.park }));
      expect(pick(tableOf(tables, FUNNEL), ["stageKey", "reached", "toNext", "overall"])).toEqual(
        closeTo([
          ["new", 5, 4 / 5, 1],
          ["contacted", 4, 3 / 4, 4 / 5],
          ["site_visit", 3, 2 / 3, 3 / 5],
          ["screening", 2, 1, 2 / 5],
          ["negotiation", 2, 0, 2 / 5],
          ["signed", 0, null, 0],
        ]),
      );
      expect(tableOf(tables, COHORT).rows).toEqual([{ leads: 5, lost: 1, lostRate: expect.closeTo(1 / 5, 9) }]);
    });

    it("[MANAGER] counts a lead lost twice in the range once, by its latest loss", async () => {
      // X1: lost 10-05 from contacted (no_response), reopened, lost 10-12 from negotiation (other_park, 嘉兴科技城,
      // named on the lead only: no timeline line).
      const tables = await lossReport(db, manager, october({ park: edge.park }));
      expect(tableOf(tables, "reports.tables.lossTotal").rows).toEqual([{ leads: 1 }]);
      expect(pick(tableOf(tables, "reports.tables.lossReasons"), ["reasonKey", "leads", "share"])).toEqual([
        ["other_park", 1, 1],
      ]);
      expect(pick(tableOf(tables, "reports.tables.lossStages"), ["stageKey", "leads", "share"])).toEqual([
        ["negotiation", 1, 1],
      ]);
      expect(tableOf(tables, "reports.tables.lossParks").rows).toEqual([{ park: "嘉兴科技城", leads: 1 }]);
      // Up to 10-10 only the first loss is in the range.
      const early = await lossReport(
        db,
        manager,
        filterOf({ range: "custom", from: "2026-10-01", to: "2026-10-10", park: edge.park }),
      );
      expect(pick(tableOf(early, "reports.tables.lossStages"), ["stageKey", "leads"])).toEqual([["contacted", 1]]);
      expect(pick(tableOf(early, "reports.tables.lossReasons"), ["reasonKey", "leads"])).toEqual([["no_response", 1]]);
    });

    it("[MANAGER] converts 亩 to m² in the pipeline and leaves archived leads out", async () => {
      // new: X3 (300 m², tax 10, investment 100) and X6 (600 m², 30, 400) → 900 m² = 1.34999… → 1.35 亩.
      // contacted: X2 (15 亩 = 10000.05 m², 90, 2500) and X5 (1000 m², 20, 300) → 11000.05 m² = 16.49999… → 16.50 亩.
      // X4 is open but archived; X1 is lost; X7 is merged away.
      const tables = await pipelineReport(db, manager, october({ park: edge.park }));
      expect(
        pick(tableOf(tables, "reports.tables.pipeline"), [
          "stageKey",
          "leads",
          "tax",
          "areaSqm",
          "areaMu",
          "investment",
        ]),
      ).toEqual([
        ["new", 2, 40, 900, 1.35, 500],
        ["contacted", 2, 110, 11000.05, 16.5, 2800],
        ["site_visit", 0, 0, 0, 0, 0],
        ["screening", 0, 0, 0, 0, 0],
        ["negotiation", 0, 0, 0, 0, 0],
      ]);
      // 11900.05 m² / 666.67 = 17.84998… → 17.85 亩.
      expect(tableOf(tables, "reports.tables.pipelineTotal").rows).toEqual([
        { leads: 4, tax: 150, areaSqm: 11900.05, areaMu: 17.85, investment: 3300 },
      ]);
    });
  });
}

describe("funnel, loss and pipeline reports on PGlite", () => reportsSuite(() => openTestPglite()));
describeOnPostgres("funnel, loss and pipeline reports on PostgreSQL", () => reportsSuite(() => openTestPostgres()));
