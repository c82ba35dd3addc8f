import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlConnection } from "../../lib/db/migrate";
import { databaseBefore } from "../support/database-before";

/*
 * A database from before the report tallies, with leads, their stage histories and inquiries, is
 * migrated: every lead gets how far it got, its inquiries, its first UTM and its completed stays from
 * what is stored, every inquiry its lead's facts, and the tallies count them all once.
 */
const TALLIES = "20261126175422_report_tallies";

describe("the report tallies migration on a database with leads in it", () => {
  let database: Awaited<ReturnType<typeof databaseBefore>>;
  let conn: SqlConnection;

  beforeAll(async () => {
    database = await databaseBefore(TALLIES);
    conn = database.conn;
    await database.pglite.exec(`
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "use", "expectedAnnualTax", "source", "stageKey", "stageChangedAt", "createdAt", "updatedAt")
      VALUES ('A', '13900000001', 'A有限公司', '甲', '机械', 100, 'baidu', 'contacted', '2026-10-03 02:00', '2026-10-01 02:00', now()),
             ('B', '13900000002', 'B有限公司', '乙', '软件', 50, 'direct', 'new', '2026-10-02 02:00', '2026-10-02 02:00', now());
      INSERT INTO "StageChange" ("id", "leadId", "fromKey", "toKey", "changedAt") VALUES
        ('a1', 'A', NULL, 'new', '2026-10-01 02:00'), ('a2', 'A', 'new', 'negotiation', '2026-10-01 04:00'),
        ('a3', 'A', 'negotiation', 'contacted', '2026-10-03 02:00'), ('b1', 'B', NULL, 'new', '2026-10-02 02:00');
      INSERT INTO "Inquiry" ("id", "reference", "requestHash", "leadId", "needDeal", "needKind", "needArea", "needAreaUnit", "use",
        "expectedAnnualTax", "company", "contactName", "phone", "consentNoticeVersion", "consentedAt", "channel", "locale", "utmMedium", "referrer", "createdAt")
      VALUES ('i1', 'R1', 'x', 'A', 'RENT', 'FACTORY', 100, 'SQM', '机械', 100, 'A有限公司', '甲', '13900000001', 'v', now(), 'FORM', 'zh-CN', 'cpc', 'https://www.baidu.com/s', '2026-10-01 02:00'),
             ('i2', 'R2', 'x', 'A', 'RENT', 'FACTORY', 100, 'SQM', '机械', 100, 'A有限公司', '甲', '13900000001', 'v', now(), 'FORM', 'zh-CN', 'email', NULL, '2026-10-05 02:00');
    `);
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives each lead its facts from what was stored", async () => {
    const { rows } = await conn.query<Record<string, unknown>>(
      `SELECT "id", "reachedStageKey", "inquiryCount", "firstUtmMedium", "firstReferrer", "stayStageKeys", "staySeconds" FROM "Lead" ORDER BY "id"`,
    );
    expect(rows).toEqual([
      // A went as far as negotiation before moving back; its first inquiry came by cpc; new 2 h, negotiation 46 h.
      {
        id: "A",
        reachedStageKey: "negotiation",
        inquiryCount: 2,
        firstUtmMedium: "cpc",
        firstReferrer: "https://www.baidu.com/s",
        stayStageKeys: ["new", "negotiation"],
        staySeconds: [7200, 165600],
      },
      {
        id: "B",
        reachedStageKey: "new",
        inquiryCount: 0,
        firstUtmMedium: null,
        firstReferrer: null,
        stayStageKeys: [],
        staySeconds: [],
      },
    ]);
    const inquiries = await conn.query(`SELECT "leadSource", "leadNeedKind" FROM "Inquiry" ORDER BY "id"`);
    // A was stored without a kind of need.
    expect(inquiries.rows).toEqual([
      { leadSource: "baidu", leadNeedKind: null },
      { leadSource: "baidu", leadNeedKind: null },
    ]);
  });

  it("counts the tallies once: October holds two leads, A's two inquiries and A's two stays", async () => {
    const { rows } = await conn.query<{ event: string; leads: number; inquiries: number }>(
      `SELECT "event", sum("leads")::int AS leads, sum("inquiries")::int AS inquiries FROM "ReportTally"
       WHERE "grain" = 'month' AND "period" = '2026-10-01' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { event: "created", leads: 2, inquiries: 2 },
      { event: "inquiry", leads: 0, inquiries: 2 },
      { event: "response", leads: 2, inquiries: 0 },
      { event: "stay", leads: 2, inquiries: 0 },
    ]);
  });
});
