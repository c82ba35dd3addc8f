import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlConnection } from "../../lib/db/migrate";
import { databaseBefore } from "../support/database-before";

/*
 * A database from before personal values were keyed: rate-limit counters under a plain hash of the
 * phone, export audits holding the search text an officer typed, and an erased person's inquiries
 * still carrying their idempotency key and request hash. Migrating leaves none of them.
 */
const KEYED = "20261206053000_keyed_personal_hashes";

describe("the keyed personal hashes migration on a database with data in it", () => {
  let database: Awaited<ReturnType<typeof databaseBefore>>;
  let conn: SqlConnection;

  beforeAll(async () => {
    database = await databaseBefore(KEYED);
    conn = database.conn;
    await database.pglite.exec(`
      INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES ('phone:plainHashOfAPhone0001', now(), 3);
      INSERT INTO "AuditEntry" ("id", "action", "entityType", "entityId", "details") VALUES
        ('e1', 'lead.export', 'Lead', 'export', '{"filter": {"q": "13912345678", "stage": "new"}, "sort": "received", "rows": 1}'),
        ('e2', 'lead.export', 'Lead', 'export', '{"filter": {}, "sort": "score", "rows": 9}'),
        ('u1', 'lead.update', 'Lead', 'L1', '{"q": "kept: not an export"}');
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "erasedAt", "updatedAt") VALUES
        ('gone', 'erased:gone', 'A有限公司', '已删除', now(), now()), ('kept', '13900000002', 'B有限公司', '乙', NULL, now());
      INSERT INTO "Inquiry" ("id", "reference", "idempotencyKey", "requestHash", "leadId", "needDeal", "needKind", "needArea", "needAreaUnit", "use",
        "expectedAnnualTax", "company", "contactName", "phone", "consentNoticeVersion", "consentedAt", "channel", "locale")
      VALUES ('i1', 'R1', 'order-13900000001', 'plainsha', 'gone', 'BUY', 'FACTORY', 100, 'SQM', '机械', 100, 'A有限公司', '已删除', 'erased:gone', 'v', now(), 'API', 'zh-CN'),
             ('i2', 'R2', 'order-13900000002', 'plainsha', 'kept', 'BUY', 'FACTORY', 100, 'SQM', '机械', 100, 'B有限公司', '乙', '13900000002', 'v', now(), 'API', 'zh-CN');
    `);
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("drops the counters kept under a plain hash", async () => {
    expect((await conn.query(`SELECT * FROM "RateLimitCounter"`)).rows).toEqual([]);
  });

  it("keeps only the length of an export's search text", async () => {
    const { rows } = await conn.query<{ id: string; details: unknown }>(
      `SELECT "id", "details" FROM "AuditEntry" ORDER BY "id"`,
    );
    expect(rows).toEqual([
      { id: "e1", details: { filter: { stage: "new" }, search: { characters: 11 }, sort: "received", rows: 1 } },
      { id: "e2", details: { filter: {}, sort: "score", rows: 9 } },
      { id: "u1", details: { q: "kept: not an export" } },
    ]);
  });

  it("takes the idempotency key and request hash from the inquiries of people already erased, and only theirs", async () => {
    const { rows } = await conn.query(`SELECT "id", "idempotencyKey", "requestHash" FROM "Inquiry" ORDER BY "id"`);
    expect(rows).toEqual([
      { id: "i1", idempotencyKey: null, requestHash: "erased" },
      { id: "i2", idempotencyKey: "order-13900000002", requestHash: "plainsha" },
    ]);
  });
});
