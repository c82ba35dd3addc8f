import "server-only";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ListingFilter } from "./schema";

export const CATALOGUE_PAGE_SIZE = 12;

/** What the public may open: published listings, whatever their status (a shared link to a let one still answers). */
const publicListing = { published: true } satisfies Prisma.ListingWhereInput;
/**
 * What the catalogue lists: published listings with something still on offer. A listing whose units are all
 * signed or occupied reads LEASED or SOLD (lib/inventory/listing-sync.ts) and drops out; a held one stays, 洽谈中.
 */
const offeredListing = {
  published: true,
  status: { in: ["AVAILABLE", "RESERVED"] },
} satisfies Prisma.ListingWhereInput;

const cardSelect = {
  id: true,
  title: true,
  titleEn: true,
  kind: true,
  factoryType: true,
  deal: true,
  status: true,
  area: true,
  availableArea: true,
  areaUnit: true,
  price: true,
  priceUnit: true,
  industries: true,
  createdAt: true,
  park: { select: { slug: true, name: true, nameEn: true, city: true, cityEn: true } },
  photos: { select: { url: true, alt: true, altEn: true }, orderBy: { position: "asc" }, take: 1 },
} satisfies Prisma.ListingSelect;

export type ListingCard = ReturnType<typeof toCard>;

function toCard(row: Prisma.ListingGetPayload<{ select: typeof cardSelect }>) {
  return {
    ...row,
    area: row.area.toString(),
    availableArea: row.availableArea.toString(),
    price: row.price.toString(),
    photo: row.photos[0] ?? null,
  };
}

function whereOf(filter: ListingFilter): Prisma.ListingWhereInput {
  return {
    ...offeredListing,
    ...(filter.park && { park: { slug: filter.park } }),
    ...(filter.kind && { kind: filter.kind }),
    ...(filter.deal && { deal: filter.deal }),
    ...((filter.minArea !== undefined || filter.maxArea !== undefined) && {
      areaSqm: { gte: filter.minArea, lte: filter.maxArea },
    }),
    ...((filter.minPrice !== undefined || filter.maxPrice !== undefined) && {
      unitPrice: { gte: filter.minPrice, lte: filter.maxPrice },
    }),
  };
}

const orderBys: Record<NonNullable<ListingFilter["sort"]>, Prisma.ListingOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "asc" }],
  area_asc: [{ areaSqm: "asc" }, { id: "asc" }],
  area_desc: [{ areaSqm: "desc" }, { id: "asc" }],
  price_asc: [{ unitPrice: "asc" }, { id: "asc" }],
  price_desc: [{ unitPrice: "desc" }, { id: "asc" }],
};

export async function searchListings(db: Database, filter: ListingFilter) {
  const where = whereOf(filter);
  const total = await db.listing.count({ where });
  const pages = Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await db.listing.findMany({
    where,
    select: cardSelect,
    orderBy: orderBys[filter.sort ?? "newest"],
    skip: (page - 1) * CATALOGUE_PAGE_SIZE,
    take: CATALOGUE_PAGE_SIZE,
  });
  return { listings: rows.map(toCard), total, page, pages };
}

export async function latestListings(db: Database, count: number) {
  const rows = await db.listing.findMany({
    where: { ...publicListing, status: "AVAILABLE" },
    select: cardSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: count,
  });
  return rows.map(toCard);
}

export async function parksWithListingCounts(db: Database) {
  const parks = await db.park.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      nameEn: true,
      city: true,
      cityEn: true,
      description: true,
      descriptionEn: true,
      _count: { select: { listings: { where: { ...publicListing, status: "AVAILABLE" } } } },
    },
  });
  return parks.map(({ _count, ...park }) => ({ ...park, availableListings: _count.listings }));
}

export async function publicListingById(db: Database, id: string) {
  const row = await db.listing.findFirst({
    where: { id, ...publicListing },
    include: {
      park: true,
      photos: { orderBy: { position: "asc" } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    area: row.area.toString(),
    availableArea: row.availableArea.toString(),
    minSplitArea: row.minSplitArea?.toString() ?? null,
    price: row.price.toString(),
    floorHeightM: row.floorHeightM?.toString() ?? null,
    areaSqm: undefined,
    minSplitAreaSqm: undefined,
    unitPrice: undefined,
    park: { ...row.park, totalAreaMu: row.park.totalAreaMu?.toString() ?? null },
  };
}

export type PublicListing = NonNullable<Awaited<ReturnType<typeof publicListingById>>>;
