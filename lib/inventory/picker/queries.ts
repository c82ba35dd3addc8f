import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { INVENTORY_HOLDERS } from "../access";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { workableLeadSql } from "../holds/lead-scope";
import { unitsOfLead } from "../holds/queries";
import { heldUnitsSchema, PICKER_LIMIT, vacantUnitsSchema, type SignableUnit, type VacantUnit } from "./schema";

export type VacantUnitsAnswer =
  { ok: true; units: VacantUnit[]; more: boolean; parkId: string | null } | { ok: false; fieldErrors: FieldErrors };

/** The lead, if the viewer may hold units for it (not merged, erased or archived), with its park or its listing's. */
async function workableLead(
  db: Database,
  viewer: Viewer,
  leadId: string,
): Promise<{ parkId: string | null } | undefined> {
  const [lead] = await db.$queryRaw<{ parkId: string | null }[]>`
    SELECT COALESCE(l."parkId", li."parkId") AS "parkId" FROM "Lead" l
    LEFT JOIN "Listing" li ON li."id" = l."listingId"
    WHERE l."id" = ${leadId} AND l."mergedIntoId" IS NULL AND l."erasedAt" IS NULL AND l."archivedAt" IS NULL
      AND ${workableLeadSql(viewer, "l")}`;
  return lead;
}

/**
 * Vacant units an officer may hold for the lead: the lead's park first (the lead's own, or its
 * listing's), then the others, each by building and floor. The floor price is never read here, so
 * the picker cannot show it to anyone. A lead the viewer may not work reads as not found.
 */
export async function vacantUnitsForLead(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<VacantUnitsAnswer> {
  assertRole(viewer, INVENTORY_HOLDERS, "hold units");
  const parsed = vacantUnitsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const filter = parsed.data;
  const lead = await workableLead(db, viewer, filter.leadId);
  if (!lead) return { ok: false, fieldErrors: { leadId: "notFound" } };
  const parkId = lead.parkId;
  const where: Prisma.UnitWhereInput = {
    status: "VACANT",
    ...(filter.kind ? { building: { kind: filter.kind } } : {}),
    ...(filter.minArea || filter.maxArea
      ? {
          areaSqm: {
            ...(filter.minArea ? { gte: filter.minArea } : {}),
            ...(filter.maxArea ? { lte: filter.maxArea } : {}),
          },
        }
      : {}),
  };
  const select = {
    id: true,
    parkId: true,
    floor: true,
    number: true,
    area: true,
    areaUnit: true,
    listPrice: true,
    priceUnit: true,
    park: { select: { name: true, nameEn: true } },
    building: { select: { name: true, nameEn: true, kind: true } },
  } satisfies Prisma.UnitSelect;
  const orderBy: Prisma.UnitOrderByWithRelationInput[] = [
    { park: { name: "asc" } },
    { building: { position: "asc" } },
    { building: { name: "asc" } },
    { floor: "asc" },
    { number: "asc" },
  ];
  const take = PICKER_LIMIT + 1;
  const own = parkId ? await db.unit.findMany({ where: { ...where, parkId }, select, orderBy, take }) : [];
  const others =
    own.length < take
      ? await db.unit.findMany({
          where: parkId ? { ...where, parkId: { not: parkId } } : where,
          select,
          orderBy,
          take: take - own.length,
        })
      : [];
  const rows = [...own, ...others];
  return {
    ok: true,
    parkId,
    more: rows.length > PICKER_LIMIT,
    units: rows.slice(0, PICKER_LIMIT).map((unit) => ({
      id: unit.id,
      parkId: unit.parkId,
      parkName: unit.park.name,
      parkNameEn: unit.park.nameEn,
      buildingName: unit.building.name,
      buildingNameEn: unit.building.nameEn,
      kind: unit.building.kind,
      floor: unit.floor,
      number: unit.number,
      area: unit.area.toString(),
      areaUnit: unit.areaUnit,
      listPrice: unit.listPrice?.toString() ?? null,
      priceUnit: unit.priceUnit,
      leadPark: unit.parkId === parkId,
    })),
  };
}

/** The lead's held units, for the sign dialog; none for a lead the viewer may not see. */
export async function heldUnitsToSign(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<{ ok: true; units: SignableUnit[] } | { ok: false; fieldErrors: FieldErrors }> {
  assertRole(viewer, INVENTORY_HOLDERS, "sign units");
  const parsed = heldUnitsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (!(await workableLead(db, viewer, parsed.data.leadId))) return { ok: false, fieldErrors: { leadId: "notFound" } };
  const units = await unitsOfLead(db, viewer, parsed.data.leadId);
  return {
    ok: true,
    units: units
      .filter((unit) => unit.status === "HELD")
      .map(({ id, label, area, areaUnit, listPrice, priceUnit }) => ({
        id,
        label,
        area,
        areaUnit,
        listPrice,
        // unitsOfLead reads the enum as text; it holds only the enum's values
        priceUnit: priceUnit as SignableUnit["priceUnit"],
      })),
  };
}
