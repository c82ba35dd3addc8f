import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { leadSearchTokens } from "../../lib/leads/search-tokens";
import { queryE2eDatabase, uniquePhone } from "./database";

/*
 * A park of this run for the 租控 journeys: one factory building with three units on its first floor
 * (1,200, 1,000 and 800 m²), all offered by one published lease listing, written the way the asset
 * register and the listing form leave them (the listing's figures are its units' sums).
 */
export interface InventoryPark {
  parkId: string;
  slug: string;
  name: string;
  listingId: string;
  buildingName: string;
  /** by number: "101", "102", "103" */
  units: Record<string, { id: string; area: number }>;
}

const id = () => `e2e${randomBytes(10).toString("hex")}`;

export async function makeInventoryPark(): Promise<InventoryPark> {
  const stamp = randomBytes(3).toString("hex");
  const park = { id: id(), slug: `e2e-inventory-${stamp}`, name: `租控测试园${stamp}` };
  await queryE2eDatabase(
    `INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description",
       "descriptionEn", "operatorName", "contactPhone", "updatedAt")
     VALUES ($1, $2, $3, $4, '平湖', 'Pinghu', '新华北路 1 号', '1 Xinhua N Rd', '测试园区', 'A test park',
       '测试运营', '0573-85000000', now())`,
    [park.id, park.slug, park.name, `Inventory park ${stamp}`],
  );
  const listingId = id();
  const sizes = { "101": 1200, "102": 1000, "103": 800 };
  const total = Object.values(sizes).reduce((sum, area) => sum + area, 0);
  await queryE2eDatabase(
    `INSERT INTO "Listing" ("id", "parkId", "title", "titleEn", "kind", "factoryType", "deal", "area", "availableArea",
       "areaUnit", "areaSqm", "price", "priceUnit", "unitPrice", "description", "descriptionEn", "industries",
       "highlights", "highlightsEn", "updatedAt")
     VALUES ($1, $2, $3, $4, 'FACTORY', 'STANDARD', 'LEASE', $5, $5, 'SQM', $5, 28, 'YUAN_PER_SQM_MONTH', 28,
       '一层标准厂房，可分割出租', 'Ground-floor standard factory, let in parts', '{}', '{}', '{}', now())`,
    [listingId, park.id, `${park.name} 5号楼一层`, `Building 5, ground floor (${stamp})`, total],
  );
  const buildingId = id();
  await queryE2eDatabase(
    `INSERT INTO "Building" ("id", "parkId", "name", "kind", "factoryType", "storeys", "updatedAt")
     VALUES ($1, $2, '5号楼', 'FACTORY', 'STANDARD', 1, now())`,
    [buildingId, park.id],
  );
  const units: InventoryPark["units"] = {};
  for (const [number, area] of Object.entries(sizes)) {
    units[number] = { id: id(), area };
    await queryE2eDatabase(
      `INSERT INTO "Unit" ("id", "buildingId", "parkId", "floor", "number", "area", "areaUnit", "areaSqm", "listPrice",
         "floorPrice", "priceUnit", "listingId", "updatedAt")
       VALUES ($1, $2, $3, 1, $4, $5, 'SQM', $5, 28, 24, 'YUAN_PER_SQM_MONTH', $6, now())`,
      [units[number].id, buildingId, park.id, number, area, listingId],
    );
  }
  return { parkId: park.id, slug: park.slug, name: park.name, listingId, buildingName: "5号楼", units };
}

/**
 * An open lead (洽谈) about the listing, handed to `ownerId`. Written straight into the database rather than
 * through the public intake: every journey's inquiries come from one address, which the intake allows 30 an hour.
 */
export async function leadForListing(
  listingId: string,
  ownerId: string,
  name: string,
): Promise<{ id: string; company: string }> {
  const phone = uniquePhone();
  const company = `${name}${phone.slice(-6)}有限公司`;
  const contactName = "陆经理";
  // The tokens the workspace's searches (the 租控表's lead picker among them) find a lead by.
  const [lead] = await queryE2eDatabase<{ id: string }>(
    `INSERT INTO "Lead" ("id", "phone", "company", "contactName", "use", "needDeal", "needKind", "needArea",
       "needAreaUnit", "expectedAnnualTax", "source", "listingId", "parkId", "ownerId", "assignedAt", "stageKey",
       "searchTokens", "updatedAt")
     SELECT $1, $2, $3, $6, '精密零部件加工', 'RENT', 'FACTORY', 2000, 'SQM', 300, 'listing', l."id", l."parkId",
       $5, now(), 'negotiation', $7, now()
     FROM "Listing" l WHERE l."id" = $4
     RETURNING "id"`,
    [id(), phone, company, listingId, ownerId, contactName, leadSearchTokens({ company, contactName, phone })],
  );
  expect(lead).toBeDefined();
  return { id: lead.id, company };
}

/** The units' status, lead, holder and deal price as stored, by number. */
export async function unitRows(park: InventoryPark) {
  const rows = await queryE2eDatabase<{
    number: string;
    status: string;
    leadId: string | null;
    heldById: string | null;
    dealPrice: string | null;
  }>(
    `SELECT "number", "status"::text AS "status", "leadId", "heldById", "dealPrice"::text AS "dealPrice"
     FROM "Unit" WHERE "parkId" = $1 ORDER BY "number"`,
    [park.parkId],
  );
  return Object.fromEntries(rows.map(({ number, ...row }) => [number, row]));
}
