import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { LISTING_MANAGERS } from "../../listings/admin/mutations";
import { unitChoicesSchema } from "./schema";

/** At most this many units are offered to the listing form at once. */
export const UNIT_CHOICES_LIMIT = 2000;

export interface UnitChoice {
  id: string;
  buildingId: string;
  buildingName: string;
  buildingNameEn: string;
  floor: number | null;
  number: string;
  area: string;
  areaUnit: "SQM" | "MU";
  status: "VACANT" | "HELD" | "SIGNED" | "OCCUPIED" | "UNAVAILABLE";
  /** already offered by the listing being edited */
  chosen: boolean;
}

export type UnitChoicesAnswer =
  | { ok: true; units: UnitChoice[]; more: boolean; buildings: { id: string; name: string; nameEn: string }[] }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * The park's units the listing form may offer: those in no listing, and the edited listing's own,
 * by building and floor, with area and status (no price: the 底价 never reaches this form). Also the
 * park's buildings, for a listing created without units.
 */
export async function unitChoices(db: Database, viewer: Viewer | null, input: unknown): Promise<UnitChoicesAnswer> {
  assertRole(viewer, LISTING_MANAGERS, "choose a listing's units");
  const parsed = unitChoicesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { parkId, listingId } = parsed.data;
  const [rows, buildings] = await Promise.all([
    db.unit.findMany({
      where: { parkId, OR: [{ listingId: null }, ...(listingId ? [{ listingId }] : [])] },
      orderBy: [{ building: { position: "asc" } }, { building: { name: "asc" } }, { floor: "asc" }, { number: "asc" }],
      take: UNIT_CHOICES_LIMIT + 1,
      select: {
        id: true,
        floor: true,
        number: true,
        area: true,
        areaUnit: true,
        status: true,
        listingId: true,
        building: { select: { id: true, name: true, nameEn: true } },
      },
    }),
    db.building.findMany({
      where: { parkId },
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, nameEn: true },
    }),
  ]);
  return {
    ok: true,
    more: rows.length > UNIT_CHOICES_LIMIT,
    buildings,
    units: rows.slice(0, UNIT_CHOICES_LIMIT).map((row) => ({
      id: row.id,
      buildingId: row.building.id,
      buildingName: row.building.name,
      buildingNameEn: row.building.nameEn,
      floor: row.floor,
      number: row.number,
      area: row.area.toString(),
      areaUnit: row.areaUnit,
      status: row.status,
      chosen: listingId !== null && row.listingId === listingId,
    })),
  };
}
