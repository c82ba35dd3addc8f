import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { workableLeadSql } from "./lead-scope";
import { INVENTORY_READERS, managesInventory } from "../access";
import { readInventoryRules } from "../settings";
import type { UnitStatus } from "../types";

/** A unit held for, signed by or occupied by a lead, as its page and the sign dialog show it (no floor price). */
export type LeadUnit = {
  id: string;
  /** building and number: "3号楼 201" */
  label: string;
  buildingName: string;
  floor: number | null;
  number: string;
  /** decimal string, in areaUnit */
  area: string;
  areaUnit: "SQM" | "MU";
  status: UnitStatus;
  listPrice: string | null;
  priceUnit: string | null;
  dealPrice: string | null;
  heldUntil: Date | null;
  holderName: string | null;
  /** renewals of the active hold so far */
  renewals: number;
  canRenew: boolean;
  canRelease: boolean;
};

type Row = Omit<LeadUnit, "canRenew" | "canRelease"> & {
  heldById: string | null;
  ownerId: string | null;
};

/**
 * The lead's held, signed and occupied units, in the grid's order. A lead outside the viewer's scope has
 * none (it reads as not found on its page). canRenew and canRelease say what the viewer may do with each
 * hold: its holder, the lead's owner or a manager; renewals beyond the limit for managers only.
 */
export async function unitsOfLead(db: Database, viewer: Viewer | null, leadId: string): Promise<LeadUnit[]> {
  assertRole(viewer, INVENTORY_READERS, "read a lead's units");
  const [rows, rules] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT u."id", b."name" || ' ' || u."number" AS "label", b."name" AS "buildingName", u."floor", u."number",
        u."area"::text AS "area", u."areaUnit"::text AS "areaUnit", u."status"::text AS "status",
        u."listPrice"::text AS "listPrice", u."priceUnit"::text AS "priceUnit", u."dealPrice"::text AS "dealPrice",
        u."heldUntil", h."name" AS "holderName", u."heldById", l."ownerId",
        COALESCE((SELECT hold."renewals" FROM "UnitHold" hold
          WHERE hold."unitId" = u."id" AND hold."leadId" = u."leadId" AND hold."endedAt" IS NULL
          ORDER BY hold."heldAt" DESC LIMIT 1), 0) AS "renewals"
      FROM "Unit" u
      JOIN "Building" b ON b."id" = u."buildingId"
      JOIN "Lead" l ON l."id" = u."leadId"
      LEFT JOIN "User" h ON h."id" = u."heldById"
      WHERE u."leadId" = ${leadId} AND u."status" IN ('HELD', 'SIGNED', 'OCCUPIED') AND ${workableLeadSql(viewer, "l")}
      ORDER BY b."position", b."name", u."floor" NULLS FIRST, u."number"`,
    readInventoryRules(db),
  ]);
  const manager = managesInventory(viewer);
  return rows.map(({ heldById, ownerId, ...unit }) => {
    const mayChange = unit.status === "HELD" && (manager || heldById === viewer.id || ownerId === viewer.id);
    return {
      ...unit,
      canRelease: mayChange,
      canRenew: mayChange && (manager || unit.renewals < rules.staffRenewals),
    };
  });
}
