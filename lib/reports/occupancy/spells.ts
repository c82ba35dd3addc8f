import "server-only";
import { Prisma } from "../../db/generated/client";
import { SHANGHAI_OFFSET_MS } from "../../calendar/shanghai-time";
import type { ReportFilter } from "../filters";

/*
 * A unit's history as spells: each status it was in, from when until when, rebuilt from UnitStatusChange.
 * A change opens a spell that the unit's next change closes. Before its first change a unit was in that
 * change's fromStatus since it was created; a unit never changed has been in its status since it was
 * created (a null fromStatus is a first status written with the unit, so nothing comes before it). A
 * unit's status at a moment is the spell with startsAt < moment <= endsAt: its latest change before it.
 * Read along UnitStatusChange_unitId_changedAt_idx; one sort of the changes of the units in view.
 */

/** An instant as the `timestamp without time zone` (UTC) the columns hold. */
export function instantSql(value: Date): Prisma.Sql {
  return Prisma.sql`(${value.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** The Asia/Shanghai calendar day of a UTC timestamp column or expression (UTC+8 all year, lib/calendar). */
export function shanghaiDateSql(value: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${value} + ${`${SHANGHAI_OFFSET_MS / 1000} seconds`}::interval)::date`;
}

/** The units the view covers: the park and the building kind chosen. */
export function unitsInViewSql(filter: Pick<ReportFilter, "park" | "kind">): Prisma.Sql {
  const conditions = [Prisma.sql`true`];
  if (filter.park) conditions.push(Prisma.sql`u."parkId" = ${filter.park}`);
  if (filter.kind) conditions.push(Prisma.sql`b."kind" = ${filter.kind}::"ListingKind"`);
  return Prisma.sql`SELECT u."id", u."parkId", u."buildingId", u."areaSqm", u."createdAt", u."status"
    FROM "Unit" u JOIN "Building" b ON b."id" = u."buildingId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** CTEs `units` (the view's) and `spells` ("unitId", "status", "startsAt", "endsAt" — null while it lasts). */
export function spellsCtes(filter: Pick<ReportFilter, "park" | "kind">): Prisma.Sql {
  return Prisma.sql`units AS (${unitsInViewSql(filter)}),
    changes AS (
      SELECT c."unitId", c."fromStatus", c."toStatus", c."changedAt",
        lead(c."changedAt") OVER history AS "endsAt", row_number() OVER history AS "n"
      FROM "UnitStatusChange" c JOIN units u ON u."id" = c."unitId"
      WINDOW history AS (PARTITION BY c."unitId" ORDER BY c."changedAt", c."id")
    ),
    spells AS (
      SELECT c."unitId", c."toStatus" AS "status", c."changedAt" AS "startsAt", c."endsAt" FROM changes c
      UNION ALL
      SELECT c."unitId", c."fromStatus", u."createdAt", c."changedAt"
      FROM changes c JOIN units u ON u."id" = c."unitId"
      WHERE c."n" = 1 AND c."fromStatus" IS NOT NULL
      UNION ALL
      SELECT u."id", u."status", u."createdAt", NULL FROM units u
      WHERE NOT EXISTS (SELECT 1 FROM "UnitStatusChange" c WHERE c."unitId" = u."id")
    )`;
}
