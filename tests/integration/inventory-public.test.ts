import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { loadMessages, type Locale } from "@/lib/i18n/messages";
import { parkAvailabilityOf } from "@/lib/inventory/park-availability";
import { moveUnits } from "@/lib/inventory/status";
import { syncListings } from "@/lib/inventory/listing-sync";
import { listingAvailabilityAreas, parkAvailabilityAreas } from "@/lib/listings/availability";
import { latestListings, publicListingById, searchListings } from "@/lib/listings/queries";
import { makeLead, makePark } from "../support/door-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * What the public catalogue says of a park's space, live from its units: a listing's free area drops by
 * exactly the units signed, a fully taken listing leaves the catalogue (its page still answers, 已出租),
 * a held one stays (洽谈中), and a park's figures count every unit of the park with 不可租售 left out.
 */

async function sentence(locale: Locale, key: "listing" | "park", areas: { free: string; total: string }) {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "publicListings" });
  return t(`availability.${key}`, areas);
}

describe("availability in words", () => {
  it("says a park in 万 m² with two decimals at most in Chinese, in m² in English", async () => {
    const words = await loadMessages("zh-CN");
    const zh = parkAvailabilityAreas({ free: 13_700, total: 43_000 }, "zh-CN", words);
    expect(await sentence("zh-CN", "park", zh)).toBe("可租售 1.37 万 m² / 4.3 万 m²");
    const en = parkAvailabilityAreas({ free: 13_700, total: 43_000 }, "en", await loadMessages("en"));
    expect(await sentence("en", "park", en)).toBe("13,700 m² of 43,000 m² available");
    // A small park stays in m², and its free area is said in the total's unit.
    expect(parkAvailabilityAreas({ free: 600, total: 9_000 }, "zh-CN", words)).toEqual({
      free: "600 m²",
      total: "9,000 m²",
    });
    expect(parkAvailabilityAreas({ free: 123.456, total: 12_000 }, "zh-CN", words).free).toBe("0.01 万 m²");
    expect(parkAvailabilityAreas({ free: 68_933.33, total: 68_933.33 }, "en", await loadMessages("en")).total).toBe(
      "68,933 m²",
    );
  });

  it("says a listing in its own unit", async () => {
    const listing = { availableArea: "1370", area: "4300", areaUnit: "SQM" as const };
    expect(
      await sentence("zh-CN", "listing", listingAvailabilityAreas(listing, "zh-CN", await loadMessages("zh-CN"))),
    ).toBe("可租售 1,370 m² / 4,300 m²");
    expect(await sentence("en", "listing", listingAvailabilityAreas(listing, "en", await loadMessages("en")))).toBe(
      "Available 1,370 m² of 4,300 m²",
    );
  });
});

function publicSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let parkId: string;
  let parkSlug: string;
  let listingId: string;
  let leadId: string;
  const units = new Map<string, string>();
  const db = (): Database => opened.db;

  const move = (numbers: string[], from: ("VACANT" | "HELD" | "SIGNED")[], to: "HELD" | "SIGNED" | "VACANT") =>
    db().$transaction((tx) =>
      moveUnits(tx, {
        unitIds: numbers.map((number) => units.get(number)!),
        from,
        to,
        leadId: to === "VACANT" ? null : leadId,
        heldUntil: to === "HELD" ? new Date(Date.now() + 86_400_000) : null,
        actorId: null,
        now: new Date(),
      }),
    );
  const inCatalogue = async () =>
    (await searchListings(db(), { park: parkSlug })).listings.find((card) => card.id === listingId) ?? null;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    const park = await makePark(db());
    parkId = park.id;
    parkSlug = park.slug;
    leadId = (await makeLead(db(), null)).id;
    const listing = await db().listing.create({
      data: {
        parkId,
        title: "公开可租售 3号楼",
        titleEn: "Public availability, Building 3",
        kind: "FACTORY",
        deal: "LEASE",
        area: 1,
        availableArea: 1,
        areaUnit: "SQM",
        areaSqm: 1,
        price: 25,
        priceUnit: "YUAN_PER_SQM_MONTH",
        unitPrice: 25,
        published: true,
        description: "d",
        descriptionEn: "d",
      },
    });
    listingId = listing.id;
    const building = await db().building.create({ data: { parkId, name: "3号楼", kind: "FACTORY" } });
    for (const [number, area, listed] of [
      ["101", 1000, true],
      ["201", 1500, true],
      ["301", 1800, true],
      // Not offered by any listing, and one not on offer at all: the park's figures still see them.
      ["401", 2000, false],
      ["402", 500, false],
    ] as const) {
      const unit = await db().unit.create({
        data: {
          buildingId: building.id,
          parkId,
          floor: Number(number[0]),
          number,
          area,
          areaUnit: "SQM",
          areaSqm: area,
          listingId: listed ? listingId : null,
        },
      });
      units.set(number, unit.id);
    }
    await db().$transaction((tx) => syncListings(tx, [listingId]));
    await db().$transaction((tx) =>
      moveUnits(tx, {
        unitIds: [units.get("402")!],
        from: ["VACANT"],
        to: "UNAVAILABLE",
        leadId: null,
        actorId: null,
        now: new Date(),
      }),
    );
  }, 120_000);
  afterAll(() => cleanup?.());

  it("[PUBLIC] shows a listing's free area over its own, live from its units", async () => {
    expect(await inCatalogue()).toMatchObject({ area: "4300", availableArea: "4300", status: "AVAILABLE" });
    expect(await parkAvailabilityOf(db(), parkId)).toEqual({ free: 6_300, total: 6_300 });
  });

  it("[PUBLIC] drops the free area by exactly the units signed, on the card, the page and the park", async () => {
    expect(await move(["101"], ["VACANT"], "SIGNED")).toHaveLength(1);
    expect(await inCatalogue()).toMatchObject({ area: "4300", availableArea: "3300", status: "AVAILABLE" });
    expect(await publicListingById(db(), listingId)).toMatchObject({ availableArea: "3300" });
    expect(await parkAvailabilityOf(db(), parkId)).toEqual({ free: 5_300, total: 6_300 });
  });

  it("[PUBLIC] keeps a listing held for a lead in the catalogue, 洽谈中, with nothing free", async () => {
    await move(["201", "301"], ["VACANT"], "HELD");
    expect(await inCatalogue()).toMatchObject({ availableArea: "0", status: "RESERVED" });
    expect((await loadMessages("zh-CN")).status.RESERVED).toBe("洽谈中");
    expect(await parkAvailabilityOf(db(), parkId)).toEqual({ free: 2_000, total: 6_300 });
  });

  it("[PUBLIC] hides a fully taken listing from the catalogue and the home page; its own page says it is let", async () => {
    await move(["201", "301"], ["HELD"], "SIGNED");
    expect(await inCatalogue()).toBeNull();
    expect((await searchListings(db(), {})).listings.some((card) => card.id === listingId)).toBe(false);
    expect((await latestListings(db(), 100)).some((card) => card.id === listingId)).toBe(false);
    expect(await publicListingById(db(), listingId)).toMatchObject({ status: "LEASED", availableArea: "0" });
    // The park still offers its unlisted floor.
    expect(await parkAvailabilityOf(db(), parkId)).toEqual({ free: 2_000, total: 6_300 });
  });

  it("[PUBLIC] lists it again once a unit comes free", async () => {
    await move(["301"], ["SIGNED"], "VACANT");
    expect(await inCatalogue()).toMatchObject({ availableArea: "1800", status: "AVAILABLE" });
    expect(await parkAvailabilityOf(db(), parkId)).toEqual({ free: 3_800, total: 6_300 });
  });

  it("[PUBLIC] reads nothing for a park without units", async () => {
    const empty = await makePark(db());
    expect(await parkAvailabilityOf(db(), empty.id)).toBeNull();
  });
}

describe("public availability on PGlite", () => publicSuite(() => openTestPglite()));
describeOnPostgres("public availability on PostgreSQL", () => publicSuite(() => openTestPostgres()));
