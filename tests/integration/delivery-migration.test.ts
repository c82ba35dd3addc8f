import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, pgConnection, pgliteConnection, type SqlConnection } from "@/lib/db/migrate";
import { MILESTONE_KINDS } from "@/lib/projects/types";
import { describeOnPostgres, freshPglite, freshPostgresDatabase } from "../support/databases";

/*
 * A database from before delivery (履约), holding leads signed, merged away after signing, open and lost, migrated:
 * each live signed lead becomes one project carrying the lead's company, park, owner, industry, score and figures
 * (the signed tax over the expected one, land in 亩 only when it signed for land, the stage move's day when no
 * signing day was kept), with its six milestones unplanned; no other lead gets one.
 */

const INVENTORY = "20261206163552_inventory";
const DELIVERY = "20261206195523_delivery";
const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

const BEFORE = `
  INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description",
    "descriptionEn", "operatorName", "contactPhone", "updatedAt")
  VALUES ('p1', 'p1', '平湖科创智谷', 'Pinghu', '嘉兴', 'Jiaxing', '路 1 号', '', '园区', '', '招商中心', '0573-1', now());
  INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
  VALUES ('u1', 'officer@park.test', '招商专员', 'unused', 'STAFF', now());
  INSERT INTO "Lead" ("id", "phone", "company", "contactName", "stageKey", "stageChangedAt", "signedAt", "parkId",
    "ownerId", "industry", "score", "investment", "annualOutput", "expectedAnnualTax", "signedAnnualTax", "employees",
    "signedArea", "signedAreaUnit", "demo", "createdAt", "updatedAt")
  VALUES
    ('factory', '13900000001', '嘉兴精密机械有限公司', '甲', 'signed', '2026-03-02 02:00', '2026-03-01 06:00', 'p1',
     'u1', '通用设备制造业', 82, 6000, 9000, 400, 450, 120, 2400, 'SQM', false, '2026-01-05 02:00', now()),
    ('land', '13900000002', '平湖新材料有限公司', '乙', 'signed', '2026-05-10 03:00', NULL, NULL,
     NULL, NULL, NULL, 12500, 20000, 600, NULL, 200, 30, 'MU', true, '2026-02-05 02:00', now()),
    ('merged', '13900000003', '平湖新材料有限公司', '乙', 'signed', '2026-04-01 03:00', '2026-04-01 03:00', NULL,
     'u1', NULL, NULL, 100, 100, 10, 10, 5, NULL, NULL, false, '2026-02-06 02:00', now()),
    ('open', '13900000004', '海宁电子有限公司', '丙', 'negotiation', '2026-06-01 03:00', NULL, 'p1',
     'u1', NULL, 60, 800, 900, 50, NULL, 20, NULL, NULL, false, '2026-03-05 02:00', now()),
    ('lost', '13900000005', '桐乡食品有限公司', '丁', 'lost', '2026-06-02 03:00', NULL, NULL,
     NULL, NULL, NULL, 300, 300, 20, NULL, 10, NULL, NULL, false, '2026-03-06 02:00', now());
  UPDATE "Lead" SET "mergedIntoId" = 'land' WHERE "id" = 'merged';`;

interface ProjectRow {
  leadId: string;
  parkId: string | null;
  ownerId: string | null;
  name: string;
  companyName: string;
  creditCode: string | null;
  industry: string | null;
  status: string;
  signedAt: Date;
  intakeScore: number | null;
  totalInvestment: string | null;
  fixedAssetInvestment: string | null;
  annualOutput: string | null;
  annualTax: string | null;
  jobs: number | null;
  landMu: string | null;
  demo: boolean;
  version: number;
}

function migrationSuite(open: () => Promise<{ conn: SqlConnection; close(): Promise<void> }>) {
  let conn: SqlConnection;
  let close: () => Promise<void>;
  let earlier: string;

  beforeAll(async () => {
    ({ conn, close } = await open());
    earlier = await mkdtemp(path.join(tmpdir(), "parklead-migrations-"));
    for (const name of await readdir(migrationsDir))
      if (name <= INVENTORY) await cp(path.join(migrationsDir, name), path.join(earlier, name), { recursive: true });
    expect((await applyMigrations(conn, { migrationsDir: earlier, log: () => {} })).applied).toContain(INVENTORY);
    await conn.exec(BEFORE);
    // The delivery migration first; the later ones (the report's copy on each project, filled in) follow it.
    expect((await applyMigrations(conn, { migrationsDir, log: () => {} })).applied[0]).toBe(DELIVERY);
  });
  afterAll(async () => {
    await close?.();
    await rm(earlier, { recursive: true, force: true });
  });

  it("opens one project for each live signed lead, with the lead's figures, and none for the others", async () => {
    const { rows } = await conn.query<ProjectRow>(
      `SELECT "leadId", "parkId", "ownerId", "name", "companyName", "creditCode", "industry", "status"::text,
        "signedAt", "intakeScore", "totalInvestment"::text AS "totalInvestment",
        "fixedAssetInvestment"::text AS "fixedAssetInvestment", "annualOutput"::text AS "annualOutput",
        "annualTax"::text AS "annualTax", "jobs", "landMu"::text AS "landMu", "demo", "version"
        FROM "Project" ORDER BY "leadId"`,
    );
    const common = { creditCode: null, status: "ACTIVE", fixedAssetInvestment: null, version: 1 };
    expect(rows).toEqual([
      {
        ...common,
        leadId: "factory",
        parkId: "p1",
        ownerId: "u1",
        name: "嘉兴精密机械有限公司",
        companyName: "嘉兴精密机械有限公司",
        industry: "通用设备制造业",
        signedAt: new Date("2026-03-01T06:00:00Z"),
        intakeScore: 82,
        totalInvestment: "6000.0000",
        annualOutput: "9000.0000",
        annualTax: "450.0000",
        jobs: 120,
        landMu: null,
        demo: false,
      },
      {
        ...common,
        leadId: "land",
        parkId: null,
        ownerId: null,
        name: "平湖新材料有限公司",
        companyName: "平湖新材料有限公司",
        industry: null,
        signedAt: new Date("2026-05-10T03:00:00Z"),
        intakeScore: null,
        totalInvestment: "12500.0000",
        annualOutput: "20000.0000",
        annualTax: "600.0000",
        jobs: 200,
        landMu: "30.0000",
        demo: true,
      },
    ]);
  });

  it("gives each project its six milestones, unplanned and undone, and no plan history", async () => {
    const { rows } = await conn.query<{ leadId: string; kind: string; plannedOn: Date | null; actualOn: Date | null }>(
      `SELECT p."leadId", m."kind"::text AS "kind", m."plannedOn", m."actualOn"
        FROM "ProjectMilestone" m JOIN "Project" p ON p."id" = m."projectId" ORDER BY p."leadId", m."kind"`,
    );
    for (const leadId of ["factory", "land"]) {
      const own = rows.filter((row) => row.leadId === leadId);
      expect(own.map((row) => row.kind).sort()).toEqual([...MILESTONE_KINDS].sort());
      expect(own.every((row) => row.plannedOn === null && row.actualOn === null)).toBe(true);
    }
    expect(rows).toHaveLength(2 * MILESTONE_KINDS.length);
    expect((await conn.query(`SELECT * FROM "MilestonePlanChange"`)).rows).toEqual([]);
    // The delivery report's copy on each project is filled in by the migrations after it.
    const copies = await conn.query<{ actuals: string; fundingDays: string }>(
      `SELECT "milestoneActuals"::text AS "actuals", "fundingDays"::text AS "fundingDays" FROM "Project"`,
    );
    expect(copies.rows).toEqual([
      { actuals: "{NULL,NULL,NULL,NULL,NULL,NULL}", fundingDays: "{}" },
      { actuals: "{NULL,NULL,NULL,NULL,NULL,NULL}", fundingDays: "{}" },
    ]);
  });
}

describe("the delivery migration on PGlite", () =>
  migrationSuite(async () => {
    const database = await freshPglite();
    return { conn: pgliteConnection(database.pglite), close: database.close };
  }));

describeOnPostgres("the delivery migration on PostgreSQL", () =>
  migrationSuite(async () => {
    const database = await freshPostgresDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return {
      conn: pgConnection(client),
      close: async () => {
        await client.end();
        await database.drop();
      },
    };
  }),
);
