import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { syncListings } from "@/lib/inventory/listing-sync";
import { moveUnits } from "@/lib/inventory/status";
import { matchingListings } from "@/lib/leads/detail/matching";
import { makeLead, makePark } from "../support/door-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * Matching listings prefer what is actually free: vacant area covering the need first, then partly free,
 * then held (洽谈中, nothing vacant), whatever industry fits; fully signed listings are left out; each
 * match says its vacant area over its whole.
 */

type Part = { area: number; status: "VACANT" | "HELD" | "SIGNED" };

function matchingSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = (): Database => opened.db;
  const tag = `匹配空置-${process.pid}-${Date.now()}`;

  async function listingWith(title: string, parts: Part[], industries: string[], parkId: string, leadId: string) {
    const listing = await db().listing.create({
      data: {
        parkId,
        title: `${tag} ${title}`,
        titleEn: title,
        kind: "FACTORY",
        deal: "SALE",
        area: 1,
        availableArea: 1,
        areaUnit: "SQM",
        areaSqm: 1,
        price: 5000,
        priceUnit: "YUAN_PER_SQM",
        unitPrice: 5000,
        industries,
        published: true,
        description: "d",
        descriptionEn: "d",
      },
    });
    const building = await db().building.create({ data: { parkId, name: `${title}楼`, kind: "FACTORY" } });
    const ids: Record<Part["status"], string[]> = { VACANT: [], HELD: [], SIGNED: [] };
    for (const [index, part] of parts.entries()) {
      const unit = await db().unit.create({
        data: {
          buildingId: building.id,
          parkId,
          floor: index + 1,
          number: `${index + 1}01`,
          area: part.area,
          areaUnit: "SQM",
          areaSqm: part.area,
          listingId: listing.id,
        },
      });
      ids[part.status].push(unit.id);
    }
    await db().$transaction(async (tx) => {
      await syncListings(tx, [listing.id]);
      for (const to of ["HELD", "SIGNED"] as const)
        await moveUnits(tx, {
          unitIds: ids[to],
          from: ["VACANT"],
          to,
          leadId,
          heldUntil: to === "HELD" ? new Date(Date.now() + 86_400_000) : null,
          actorId: null,
          now: new Date(),
        });
    });
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    const park = await makePark(db());
    const other = await makeLead(db(), null);
    const make = (title: string, parts: Part[], industries: string[] = []) =>
      listingWith(title, parts, industries, park.id, other.id);
    await make("够用", [{ area: 2200, status: "VACANT" }]);
    await make("够用产业", [{ area: 2900, status: "VACANT" }], ["smart-manufacturing"]);
    await make(
      "部分空置",
      [
        { area: 1600, status: "VACANT" },
        { area: 600, status: "SIGNED" },
      ],
      ["smart-manufacturing"],
    );
    await make(
      "洽谈中",
      [
        { area: 1000, status: "HELD" },
        { area: 1000, status: "HELD" },
      ],
      ["smart-manufacturing"],
    );
    await make("已售", [{ area: 2000, status: "SIGNED" }], ["smart-manufacturing"]);
    await make("太小", [
      { area: 1000, status: "VACANT" },
      { area: 1200, status: "SIGNED" },
    ]);
  }, 120_000);
  afterAll(() => cleanup?.());

  it("[STAFF] sees enough vacant area first, then partly vacant, then held; fully signed ones are left out", async () => {
    const need = {
      needDeal: "BUY",
      needKind: "FACTORY",
      needArea: "2000",
      needAreaUnit: "SQM",
      industry: "智能制造",
      use: null,
    } as const;
    const matches = (await matchingListings(db(), need, 50)).filter((listing) => listing.title.startsWith(tag));
    expect(matches.map((listing) => [listing.title.slice(tag.length + 1), listing.freeness])).toEqual([
      ["够用产业", "free"],
      ["够用", "free"],
      ["部分空置", "partly"],
      ["洽谈中", "held"],
    ]);
    // Each says what is vacant over the whole.
    expect(matches.map((listing) => [listing.availableArea, listing.area])).toEqual([
      ["2900", "2900"],
      ["2200", "2200"],
      ["1600", "2200"],
      ["0", "2000"],
    ]);
    // The same need in 亩 (3 亩 = 2000 m²) finds the same listings in the same order.
    const inMu = (await matchingListings(db(), { ...need, needArea: "3", needAreaUnit: "MU" }, 50))
      .filter((listing) => listing.title.startsWith(tag))
      .map((listing) => listing.title);
    expect(inMu).toEqual(matches.map((listing) => listing.title));
  });
}

describe("matching by what is free on PGlite", () => matchingSuite(() => openTestPglite()));
describeOnPostgres("matching by what is free on PostgreSQL", () => matchingSuite(() => openTestPostgres()));
