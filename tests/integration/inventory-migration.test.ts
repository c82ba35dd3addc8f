import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, pgConnection, pgliteConnection, type SqlConnection } from "@/lib/db/migrate";
import { syncListings } from "@/lib/inventory/listing-sync";
import { describeOnPostgres, freshPglite, freshPostgresDatabase } from "../support/databases";

/*
 * A database from before the inventory, holding every kind of listing there was, migrated: each listing becomes a
 * building of its own with its units, and the listing's figures read back from those units are the ones typed in
 * before. The one documented exception: a listing marked available with nothing free has no vacant part to keep,
 * so its unit is signed and it reads back as leased (or sold).
 */

const INVENTORY = "20261206163552_inventory";
const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

interface Case {
  id: string;
  park: "p1" | "p2";
  title: string;
  deal: "SALE" | "LEASE";
  kind: "FACTORY" | "OFFICE" | "LAND";
  status: "AVAILABLE" | "RESERVED" | "LEASED" | "SOLD";
  area: string;
  availableArea: string;
  areaUnit: "SQM" | "MU";
  areaSqm: string;
}

const CASES: Case[] = [
  {
    id: "whole",
    park: "p1",
    title: "整栋空置厂房",
    deal: "LEASE",
    kind: "FACTORY",
    status: "AVAILABLE",
    area: "5000.00",
    availableArea: "5000.00",
    areaUnit: "SQM",
    areaSqm: "5000.00",
  },
  {
    id: "part",
    park: "p1",
    title: "部分出租厂房",
    deal: "LEASE",
    kind: "FACTORY",
    status: "AVAILABLE",
    area: "5000.00",
    availableArea: "3200.00",
    areaUnit: "SQM",
    areaSqm: "5000.00",
  },
  {
    id: "nofree",
    park: "p1",
    title: "无空余办公楼",
    deal: "LEASE",
    kind: "OFFICE",
    status: "AVAILABLE",
    area: "1200.00",
    availableArea: "0.00",
    areaUnit: "SQM",
    areaSqm: "1200.00",
  },
  {
    id: "reserved",
    park: "p1",
    title: "已预订厂房",
    deal: "SALE",
    kind: "FACTORY",
    status: "RESERVED",
    area: "2650.00",
    availableArea: "0.00",
    areaUnit: "SQM",
    areaSqm: "2650.00",
  },
  {
    id: "leased",
    park: "p1",
    title: "已出租办公楼",
    deal: "LEASE",
    kind: "OFFICE",
    status: "LEASED",
    area: "600.00",
    availableArea: "0.00",
    areaUnit: "SQM",
    areaSqm: "600.00",
  },
  {
    id: "sold",
    park: "p2",
    title: "已售厂房",
    deal: "SALE",
    kind: "FACTORY",
    status: "SOLD",
    area: "8000.00",
    availableArea: "0.00",
    areaUnit: "SQM",
    areaSqm: "8000.00",
  },
  {
    id: "land",
    park: "p2",
    title: "工业用地",
    deal: "SALE",
    kind: "LAND",
    status: "AVAILABLE",
    area: "30.00",
    availableArea: "30.00",
    areaUnit: "MU",
    areaSqm: "20000.00",
  },
  {
    id: "landpart",
    park: "p2",
    title: "部分出让地块",
    deal: "SALE",
    kind: "LAND",
    status: "AVAILABLE",
    area: "30.00",
    availableArea: "10.00",
    areaUnit: "MU",
    areaSqm: "20000.00",
  },
  {
    id: "twin1",
    park: "p2",
    title: "标准厂房",
    deal: "LEASE",
    kind: "FACTORY",
    status: "AVAILABLE",
    area: "2400.00",
    availableArea: "2400.00",
    areaUnit: "SQM",
    areaSqm: "2400.00",
  },
  {
    id: "twin2",
    park: "p2",
    title: "标准厂房",
    deal: "LEASE",
    kind: "FACTORY",
    status: "LEASED",
    area: "1850.00",
    availableArea: "0.00",
    areaUnit: "SQM",
    areaSqm: "1850.00",
  },
];

const PARKS = `
  INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description",
    "descriptionEn", "operatorName", "contactPhone", "updatedAt")
  VALUES ('p1', 'p1', '平湖科创智谷', 'Pinghu', '嘉兴', 'Jiaxing', '路 1 号', '', '园区', '', '招商中心', '0573-1', now()),
         ('p2', 'p2', '独山港园区', 'Dushan', '嘉兴', 'Jiaxing', '路 2 号', '', '园区', '', '招商中心', '0573-2', now())`;

async function insertListings(conn: SqlConnection) {
  await conn.exec(PARKS);
  for (const [index, listing] of CASES.entries()) {
    await conn.query(
      `INSERT INTO "Listing" ("id", "parkId", "title", "titleEn", "kind", "factoryType", "deal", "status", "area",
        "availableArea", "areaUnit", "areaSqm", "price", "priceUnit", "unitPrice", "industries", "highlights",
        "highlightsEn", "description", "descriptionEn", "createdAt", "updatedAt")
      VALUES ($1, $2, $3, $3 || ' en', $4::"ListingKind", $5::"FactoryType", $6::"Deal", $7::"ListingStatus", $8, $9,
        $10::"AreaUnit", $11, 25, 'YUAN_PER_SQM_MONTH', 25, '{}', '{}', '{}', '介绍', '',
        timestamp '2026-01-01 08:00' + make_interval(mins => $12), now())`,
      [
        listing.id,
        listing.park,
        listing.title,
        listing.kind,
        listing.kind === "FACTORY" ? "STANDARD" : null,
        listing.deal,
        listing.status,
        listing.area,
        listing.availableArea,
        listing.areaUnit,
        listing.areaSqm,
        index,
      ],
    );
  }
}

/** syncListings' raw statement run over a plain connection, as it runs inside a Prisma transaction. */
function writerOver(conn: SqlConnection) {
  return {
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      const text = strings.reduce((sql, part, index) => `${sql}$${index}${part}`);
      await conn.query(text, values);
      return 0;
    },
  } as unknown as Parameters<typeof syncListings>[0];
}

type Figures = { id: string; area: string; availableArea: string; status: string; areaSqm: string };
const figures = (conn: SqlConnection) =>
  conn
    .query<Figures>(
      `SELECT "id", "area"::text, "availableArea"::text AS "availableArea", "status"::text, "areaSqm"::text AS "areaSqm"
        FROM "Listing" ORDER BY "id"`,
    )
    .then((result) => result.rows);

function migrationSuite(open: () => Promise<{ conn: SqlConnection; close(): Promise<void> }>) {
  let conn: SqlConnection;
  let close: () => Promise<void>;
  let earlier: string;
  let before: Figures[];

  beforeAll(async () => {
    ({ conn, close } = await open());
    earlier = await mkdtemp(path.join(tmpdir(), "parklead-migrations-"));
    for (const name of await readdir(migrationsDir))
      if (name < INVENTORY) await cp(path.join(migrationsDir, name), path.join(earlier, name), { recursive: true });
    await applyMigrations(conn, { migrationsDir: earlier, log: () => {} });
    await insertListings(conn);
    before = await figures(conn);
    expect((await applyMigrations(conn, { migrationsDir, log: () => {} })).applied).toContain(INVENTORY);
  });
  afterAll(async () => {
    await close?.();
    await rm(earlier, { recursive: true, force: true });
  });

  it("makes one building per listing, in its park, with unique names where two listings shared a title", async () => {
    const { rows } = await conn.query<{ listing: string; park: string; name: string; kind: string }>(
      `SELECT DISTINCT u."listingId" AS "listing", b."parkId" AS "park", b."name", b."kind"::text AS "kind"
        FROM "Building" b JOIN "Unit" u ON u."buildingId" = b."id" ORDER BY u."listingId"`,
    );
    expect(rows).toHaveLength(CASES.length);
    expect((await conn.query(`SELECT * FROM "Building"`)).rows).toHaveLength(CASES.length);
    const byListing = new Map(rows.map((row) => [row.listing, row]));
    for (const listing of CASES)
      expect(byListing.get(listing.id)).toMatchObject({ park: listing.park, kind: listing.kind });
    expect([byListing.get("twin1")?.name, byListing.get("twin2")?.name]).toEqual(["标准厂房", "标准厂房（2）"]);
  });

  it("gives each listing its units: the free part vacant, the rest signed, reserved as 不可租售, 亩 kept", async () => {
    const { rows } = await conn.query<{
      listing: string;
      number: string;
      area: string;
      unit: string;
      sqm: string;
      status: string;
    }>(
      `SELECT "listingId" AS "listing", "number", "area"::text, "areaUnit"::text AS "unit", "areaSqm"::text AS "sqm",
        "status"::text FROM "Unit" ORDER BY "listingId", "number"`,
    );
    expect(rows.map((row) => [row.listing, row.number, row.area, row.unit, row.sqm, row.status])).toEqual([
      ["land", "01", "30.00", "MU", "20000.00", "VACANT"],
      ["landpart", "01", "10.00", "MU", "6666.67", "VACANT"],
      ["landpart", "02", "20.00", "MU", "13333.33", "SIGNED"],
      ["leased", "01", "600.00", "SQM", "600.00", "SIGNED"],
      ["nofree", "01", "1200.00", "SQM", "1200.00", "SIGNED"],
      ["part", "01", "3200.00", "SQM", "3200.00", "VACANT"],
      ["part", "02", "1800.00", "SQM", "1800.00", "SIGNED"],
      ["reserved", "01", "2650.00", "SQM", "2650.00", "UNAVAILABLE"],
      ["sold", "01", "8000.00", "SQM", "8000.00", "SIGNED"],
      ["twin1", "01", "2400.00", "SQM", "2400.00", "VACANT"],
      ["twin2", "01", "1850.00", "SQM", "1850.00", "SIGNED"],
      ["whole", "01", "5000.00", "SQM", "5000.00", "VACANT"],
    ]);
    // The units are nobody's yet: no lead, no hold.
    expect(
      (await conn.query(`SELECT * FROM "Unit" WHERE "leadId" IS NOT NULL OR "heldUntil" IS NOT NULL`)).rows,
    ).toEqual([]);
  });

  it("starts each unit's history with one row: its first status, dated when the listing was created", async () => {
    const { rows } = await conn.query<{ count: number; mismatched: number; dated: number }>(
      `SELECT count(*)::int AS "count",
        count(*) FILTER (WHERE c."toStatus" <> u."status" OR c."fromStatus" IS NOT NULL)::int AS "mismatched",
        count(*) FILTER (WHERE c."changedAt" = l."createdAt")::int AS "dated"
        FROM "UnitStatusChange" c JOIN "Unit" u ON u."id" = c."unitId" JOIN "Listing" l ON l."id" = u."listingId"`,
    );
    expect(rows[0]).toEqual({ count: 12, mismatched: 0, dated: 12 });
  });

  it("reads every listing's area, free area and status back from its units: nothing lost", async () => {
    await syncListings(
      writerOver(conn),
      CASES.map((listing) => listing.id),
    );
    const after = await figures(conn);
    const expected = before.map((row) => (row.id === "nofree" ? { ...row, status: "LEASED" } : row));
    expect(after).toEqual(expected);
  });
}

describe("the inventory migration on PGlite", () =>
  migrationSuite(async () => {
    const database = await freshPglite();
    return { conn: pgliteConnection(database.pglite), close: database.close };
  }));

describeOnPostgres("the inventory migration on PostgreSQL", () =>
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
