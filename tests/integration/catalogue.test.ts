import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { openAppDatabase } from "@/lib/startup/open-app-database";
import { CATALOGUE_PAGE_SIZE, publicListingById, searchListings } from "@/lib/listings/queries";

describe("listing catalogue on the demo data", () => {
  let opened: OpenedDatabase;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "parklead-catalogue-"));
    opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: true });
  });
  afterAll(async () => {
    await opened.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("filters by park, kind and deal", async () => {
    const { listings, total } = await searchListings(opened.db, {
      park: "pinghu-zhangjiang",
      kind: "FACTORY",
      deal: "SALE",
    });
    expect(total).toBe(4);
    expect(
      listings.every(
        (listing) => listing.park.slug === "pinghu-zhangjiang" && listing.kind === "FACTORY" && listing.deal === "SALE",
      ),
    ).toBe(true);
  });

  it("compares areas in m² whether a listing states m² or 亩", async () => {
    // 30 亩 = 20,000 m²; 80 亩 = 53,333 m²; 120 亩 = 80,000 m².
    const { listings } = await searchListings(opened.db, { minArea: 19_000, maxArea: 60_000, sort: "area_asc" });
    expect(listings.map((listing) => `${listing.area} ${listing.areaUnit}`)).toEqual(["30 MU", "80 MU"]);
  });

  it("sorts by unit price across price units, with a stable order", async () => {
    const { listings } = await searchListings(opened.db, { deal: "LEASE", sort: "price_asc" });
    // 0.55 元/m²/天 ≈ 16.73/月 first; 1.0 元/m²/天 ≈ 30.42/月 before 35 元/m²/月.
    expect(listings.map((listing) => `${listing.price} ${listing.priceUnit}`)).toEqual([
      "0.55 YUAN_PER_SQM_DAY",
      "0.65 YUAN_PER_SQM_DAY",
      "0.75 YUAN_PER_SQM_DAY",
      "1 YUAN_PER_SQM_DAY",
      "35 YUAN_PER_SQM_MONTH",
    ]);
  });

  it("pages through every published listing exactly once, and clamps a page past the end", async () => {
    const first = await searchListings(opened.db, { page: 1 });
    const second = await searchListings(opened.db, { page: 2 });
    expect(first.listings).toHaveLength(CATALOGUE_PAGE_SIZE);
    expect(first.total).toBe(15);
    const ids = [...first.listings, ...second.listings].map((listing) => listing.id);
    expect(new Set(ids).size).toBe(15);
    expect((await searchListings(opened.db, { page: 99 })).page).toBe(2);
  });

  it("hides unpublished listings from the catalogue and their own page", async () => {
    const listing = await opened.db.listing.findFirstOrThrow({ where: { kind: "OFFICE" } });
    await opened.db.listing.update({ where: { id: listing.id }, data: { published: false } });
    try {
      expect((await searchListings(opened.db, {})).total).toBe(14);
      expect(await publicListingById(opened.db, listing.id)).toBeNull();
    } finally {
      await opened.db.listing.update({ where: { id: listing.id }, data: { published: true } });
    }
  });
});
