import "server-only";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { LISTING_MANAGERS } from "../listings/admin/mutations";
import type { ParkInput } from "./schema";
import { PARK_MANAGERS } from "./mutations";

/** Every park with its owner and listing count; every workspace role reads them (the listing form picks from them). */
export async function listParks(db: Database, viewer: Viewer | null) {
  assertRole(viewer, LISTING_MANAGERS, "list parks");
  const parks = await db.park.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      nameEn: true,
      city: true,
      cityEn: true,
      operatorName: true,
      contactPhone: true,
      owner: { select: { id: true, name: true, active: true } },
      _count: { select: { listings: true } },
    },
  });
  return parks.map(({ _count, ...park }) => ({ ...park, listings: _count.listings }));
}

/** One park as its edit form holds it, admins only. */
export async function parkForEdit(db: Database, viewer: Viewer | null, id: string) {
  assertRole(viewer, PARK_MANAGERS, "edit parks");
  const park = await db.park.findUnique({ where: { id } });
  if (!park) return null;
  const values: ParkInput = {
    slug: park.slug,
    name: park.name,
    nameEn: park.nameEn,
    city: park.city,
    cityEn: park.cityEn,
    address: park.address,
    addressEn: park.addressEn,
    description: park.description,
    descriptionEn: park.descriptionEn,
    totalAreaMu: park.totalAreaMu?.toString() ?? "",
    operatorName: park.operatorName,
    contactPhone: park.contactPhone,
    ownerId: park.ownerId ?? "",
  };
  return {
    id: park.id,
    slug: park.slug,
    name: park.name,
    nameEn: park.nameEn,
    ownerId: park.ownerId,
    updatedAt: park.updatedAt.toISOString(),
    values,
  };
}

/** Who may own a park: active users, for the admin's owner picker; plus the current owner, shown as deactivated. */
export async function parkOwnerOptions(db: Database, viewer: Viewer | null, currentOwnerId?: string | null) {
  assertRole(viewer, PARK_MANAGERS, "choose park owners");
  return db.user.findMany({
    where: { OR: [{ active: true }, ...(currentOwnerId ? [{ id: currentOwnerId }] : [])] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true },
  });
}
