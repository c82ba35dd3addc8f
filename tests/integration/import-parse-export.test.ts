import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import { companyKey } from "@/lib/leads/company-key";
import { recogniseColumns } from "@/lib/leads/import/columns";
import { readImportFile } from "@/lib/leads/import/file";
import { loadImportLookups } from "@/lib/leads/import/lookups";
import { parseImportRow } from "@/lib/leads/import/row";
import { exportLeads } from "@/lib/leads/inbox/export";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";

/*
 * The inbox export as .xlsx carries the same cells as the CSV, and both read back through the import
 * as the leads they came from: the columns are recognised and the values parse to what is stored.
 */

let counter = 0;
const next = () => ++counter;
const NOW = new Date("2026-12-06T06:00:00Z");

function exportSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  const db = () => database.opened.db;
  const viewers = {} as Record<"manager" | "staff" | "otherStaff", Viewer>;
  let parkId: string;
  let marker: string;

  async function makeUser(role: Role): Promise<Viewer> {
    const email = `export-${role.toLowerCase()}-${process.pid}-${next()}@park.test`;
    const user = await db().user.create({
      data: { email, name: `导出${role}${next()}`, role, passwordHash: "unused" },
    });
    return { id: user.id, email, name: user.name, role };
  }

  async function exported(viewer: Viewer, format: "csv" | "xlsx", locale: "zh-CN" | "en" = "zh-CN") {
    const result = await exportLeads(db(), viewer, { filter: { q: marker } }, { locale, format, now: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const bytes = new Uint8Array(await new Response(result.body).arrayBuffer());
    return { result, sheet: await readImportFile(bytes, result.filename) };
  }

  beforeAll(async () => {
    database = await open();
    viewers.manager = await makeUser("MANAGER");
    viewers.staff = await makeUser("STAFF");
    viewers.otherStaff = await makeUser("STAFF");
    marker = `exporttest${process.pid}x${next()}`;
    const park = await db().park.create({
      data: {
        slug: `export-park-${process.pid}-${next()}`,
        name: `导出园${next()}`,
        nameEn: `Export park ${counter}`,
        city: "平湖",
        cityEn: "Pinghu",
        address: "-",
        addressEn: "-",
        description: "-",
        descriptionEn: "-",
        operatorName: "-",
        contactPhone: "-",
      },
    });
    parkId = park.id;
    const stages = await db().stage.findMany({ orderBy: { position: "asc" } });
    const leads = [
      {
        company: `${marker} 苏州精密机械有限公司`,
        contactName: "王小明",
        phone: `1381${String(process.pid % 10000).padStart(4, "0")}001`,
        ownerId: viewers.staff.id,
        stageKey: stages[1].key,
        parkId,
        needDeal: "BUY" as const,
        needKind: "LAND" as const,
        needArea: "50.5",
        needAreaUnit: "MU" as const,
        use: "精密零部件加工",
        expectedAnnualTax: "1234.5678",
        investment: "35000",
        createdAt: new Date("2026-03-05T01:30:45Z"),
        lastActivityAt: new Date("2026-04-01T08:00:59Z"),
      },
      {
        company: `=${marker} Acme, Inc.`,
        contactName: 'Smith, "JJ"',
        phone: `1391${String(process.pid % 10000).padStart(4, "0")}002`,
        ownerId: null,
        stageKey: stages[0].key,
        parkId: null,
        needDeal: "RENT" as const,
        needKind: "OFFICE" as const,
        needArea: "800",
        needAreaUnit: "SQM" as const,
        use: '研发, "测试"',
        expectedAnnualTax: null,
        investment: null,
        createdAt: new Date("2026-05-20T16:05:00Z"),
        lastActivityAt: null,
      },
      {
        company: `${marker} 另一位专员的公司`,
        contactName: "赵敏",
        phone: `1371${String(process.pid % 10000).padStart(4, "0")}003`,
        ownerId: viewers.otherStaff.id,
        stageKey: stages[0].key,
        parkId: null,
        needDeal: null,
        needKind: null,
        needArea: null,
        needAreaUnit: null,
        use: null,
        expectedAnnualTax: null,
        investment: null,
        createdAt: new Date("2026-06-01T02:00:00Z"),
        lastActivityAt: null,
      },
    ];
    for (const lead of leads)
      await db().lead.create({
        data: { ...lead, companyKey: companyKey(lead.company), searchTokens: leadSearchTokens(lead) },
      });
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("[MANAGER] the .xlsx has the CSV's header and cells, in both languages", async () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const csv = await exported(viewers.manager, "csv", locale);
      const xlsx = await exported(viewers.manager, "xlsx", locale);
      expect(xlsx.result).toMatchObject({ ok: true, format: "xlsx", rows: 3 });
      expect(xlsx.result.filename).toMatch(/\.xlsx$/);
      expect(csv.sheet.rows).toHaveLength(3);
      expect(xlsx.sheet.headers).toEqual(csv.sheet.headers);
      expect(xlsx.sheet.rows.map((row) => row.cells)).toEqual(csv.sheet.rows.map((row) => row.cells));
    }
  });

  it("[MANAGER] an export reads back through the import as the leads it came from", async () => {
    const { sheet } = await exported(viewers.manager, "xlsx");
    const mapping = recogniseColumns(sheet.headers);
    expect(Object.values(mapping)).toEqual(
      expect.arrayContaining(["company", "contactName", "phone", "stage", "owner", "use", "investment", "createdAt"]),
    );
    const lookups = await loadImportLookups(db(), NOW);
    const parsed = sheet.rows.map((row) => parseImportRow(row.cells, mapping, lookups));
    const byPhone = new Map(parsed.map((row) => (row.ok ? [row.values.phone, row.values] : ["", null])));
    const lead = await db().lead.findFirstOrThrow({ where: { company: `${marker} 苏州精密机械有限公司` } });
    expect(byPhone.get(lead.phone)).toMatchObject({
      company: lead.company,
      contactName: "王小明",
      ownerId: viewers.staff.id,
      stageKey: lead.stageKey,
      parkId,
      needDeal: "BUY",
      needKind: "LAND",
      needArea: "50.5",
      needAreaUnit: "MU",
      use: "精密零部件加工",
      expectedAnnualTax: "1234.5678",
      investment: "35000",
      // the export writes the minute, as the inbox shows it
      createdAt: "2026-03-05T01:30:00.000Z",
      lastActivityAt: "2026-04-01T08:00:00.000Z",
    });
    const pool = [...byPhone.values()].find((values) => values?.ownerId === null);
    expect(pool).toMatchObject({ contactName: 'Smith, "JJ"', use: '研发, "测试"', unknownOwner: null });
    expect(pool?.company.startsWith("=")).toBe(true);
  });

  it("[STAFF] the .xlsx holds their own and pool leads only, pool phones masked as in the CSV, audited", async () => {
    const csv = await exported(viewers.staff, "csv");
    const xlsx = await exported(viewers.staff, "xlsx");
    expect(xlsx.sheet.rows).toHaveLength(2);
    expect(JSON.stringify(xlsx.sheet.rows)).not.toContain("另一位专员的公司");
    expect(xlsx.sheet.rows.map((row) => row.cells)).toEqual(csv.sheet.rows.map((row) => row.cells));
    expect(JSON.stringify(xlsx.sheet.rows)).toMatch(/139\*{4}\d{4}/);
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { action: "lead.export", actorId: viewers.staff.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({ format: "xlsx", rows: 2, search: { characters: marker.length } });
  });

  it("refuses an unknown format, and anyone outside the workspace", async () => {
    expect(await exportLeads(db(), viewers.manager, { filter: {} }, { locale: "zh-CN", format: "pdf" })).toEqual({
      ok: false,
      fieldErrors: { format: "choice" },
    });
    await expect(exportLeads(db(), null, { filter: {} }, { locale: "zh-CN", format: "xlsx" })).rejects.toBeInstanceOf(
      AccessDenied,
    );
  });
}

describe("inbox export as .xlsx on PGlite", () => exportSuite(() => openTestPglite()));
describeOnPostgres("inbox export as .xlsx on PostgreSQL", () => exportSuite(() => openTestPostgres()));
