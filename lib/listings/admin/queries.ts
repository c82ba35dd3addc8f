import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { LISTING_MANAGERS } from "./mutations";
import { listingAdminFilterSchema, type ListingInput } from "./schema";

export const ADMIN_PAGE_SIZE = 25;

/** Every listing, published or not, for the staff table; filters come straight from the URL. */
export async function listListingsForStaff(db: Database, viewer: Viewer | null, params: unknown) {
  assertRole(viewer, LISTING_MANAGERS, "list listings");
  const filter = listingAdminFilterSchema.parse(params ?? {});
  const where: Prisma.ListingWhereInput = {
    ...(filter.park && { parkId: filter.park }),
    ...(filter.kind && { kind: filter.kind }),
    ...(filter.status && { status: filter.status }),
    ...(filter.published && { published: filter.published === "yes" }),
  };
  const total = await db.listing.count({ where });
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await db.listing.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * ADMIN_PAGE_SIZE,
    take: ADMIN_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      titleEn: true,
      kind: true,
      factoryType: true,
      deal: true,
      status: true,
      published: true,
      area: true,
      areaUnit: true,
      price: true,
      priceUnit: true,
      updatedAt: true,
      park: { select: { name: true, nameEn: true } },
      _count: { select: { photos: true } },
    },
  });
  return {
    filter,
    total,
    page,
    pages,
    listings: rows.map(({ _count, ...row }) => ({
      ...row,
      area: row.area.toString(),
      price: row.price.toString(),
      updatedAt: row.updatedAt.toISOString(),
      photoCount: _count.photos,
    })),
  };
}

export type StaffListingRow = Awaited<ReturnType<typeof listListingsForStaff>>["listings"][number];

const lines = (items: string[]) => items.join("\n");

/** One listing with its photos, and the edit form's values as the form holds them (text). */
export async function listingForEdit(db: Database, viewer: Viewer | null, id: string) {
  assertRole(viewer, LISTING_MANAGERS, "edit listings");
  const row = await db.listing.findUnique({
    where: { id },
    include: {
      photos: { orderBy: [{ position: "asc" }, { id: "asc" }] },
      park: { select: { name: true, nameEn: true } },
      units: { select: { id: true }, orderBy: { id: "asc" } },
    },
  });
  if (!row) return null;
  const values: ListingInput = {
    parkId: row.parkId,
    title: row.title,
    titleEn: row.titleEn,
    kind: row.kind,
    factoryType: row.factoryType ?? "",
    deal: row.deal,
    published: row.published,
    unitIds: row.units.map((unit) => unit.id),
    buildingId: "",
    address: row.address ?? "",
    addressEn: row.addressEn ?? "",
    area: "",
    areaUnit: row.areaUnit,
    minSplitArea: row.minSplitArea?.toString() ?? "",
    price: row.price.toString(),
    priceUnit: row.priceUnit,
    floorHeightM: row.floorHeightM?.toString() ?? "",
    floorLoadKgPerSqm: row.floorLoadKgPerSqm?.toString() ?? "",
    powerKva: row.powerKva?.toString() ?? "",
    propertyTermYears: row.propertyTermYears?.toString() ?? "",
    landUseType: row.landUseType ?? "",
    landUseTypeEn: row.landUseTypeEn ?? "",
    structure: row.structure ?? "",
    structureEn: row.structureEn ?? "",
    storeys: row.storeys?.toString() ?? "",
    industries: row.industries as ListingInput["industries"],
    highlights: lines(row.highlights),
    highlightsEn: lines(row.highlightsEn),
    description: row.description,
    descriptionEn: row.descriptionEn,
    availableFrom: row.availableFrom?.toISOString().slice(0, 10) ?? "",
  };
  return {
    id: row.id,
    title: row.title,
    titleEn: row.titleEn,
    deal: row.deal,
    status: row.status,
    published: row.published,
    updatedAt: row.updatedAt.toISOString(),
    /** what the units give: read-only on the form */
    figures: { area: row.area.toString(), availableArea: row.availableArea.toString(), areaUnit: row.areaUnit },
    park: row.park,
    values,
    photos: row.photos.map((photo) => ({
      id: photo.id,
      url: photo.url,
      alt: photo.alt,
      altEn: photo.altEn,
      bytes: photo.bytes,
      contentType: photo.contentType,
    })),
  };
}

export type EditableListing = NonNullable<Awaited<ReturnType<typeof listingForEdit>>>;
