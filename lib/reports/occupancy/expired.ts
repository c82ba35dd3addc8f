import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { ReportFilter, ReportRange } from "../filters";
import { placeSql, type Place } from "./places";
import { instantSql, unitsInViewSql } from "./history";

interface ExpiredFigures {
  expired: number;
  signedLater: number;
}

/**
 * Holds their expiry ended in the range (UnitHold.endReason EXPIRED), on the units in view, and of those the
 * ones whose lead signed any unit after the hold ended (a SIGNED change for the lead, whenever up to now);
 * per park and building, and per officer holding. `holderId` narrows to one officer's holds.
 */
export async function expiredHolds(
  db: Database,
  filter: Pick<ReportFilter, "park" | "kind">,
  range: Pick<ReportRange, "from" | "to">,
  holderId: string | undefined,
) {
  const ctes = Prisma.sql`units AS (${unitsInViewSql(filter)}),
    expired AS (
      SELECT h."leadId", h."holderId", h."endedAt", u."parkId", u."buildingId"
      FROM "UnitHold" h JOIN units u ON u."id" = h."unitId"
      WHERE h."endReason" = 'EXPIRED' AND h."endedAt" >= ${instantSql(range.from)}
        AND h."endedAt" < ${instantSql(range.to)}
        ${holderId ? Prisma.sql`AND h."holderId" = ${holderId}` : Prisma.empty}
    ),
    signed AS (
      -- the lead's latest signing; one before the range cannot follow a hold that ended in it
      SELECT c."leadId", max(c."changedAt") AS "at" FROM "UnitStatusChange" c
      WHERE c."toStatus" = 'SIGNED' AND c."changedAt" >= ${instantSql(range.from)}
        AND c."leadId" IN (SELECT e."leadId" FROM expired e)
      GROUP BY c."leadId"
    ),
    counted AS (
      SELECT e.*, COALESCE(s."at" > e."endedAt", false) AS "signedLater"
      FROM expired e LEFT JOIN signed s ON s."leadId" = e."leadId"
    )`;
  const figures = Prisma.sql`count(*)::int AS "expired",
    count(*) FILTER (WHERE c."signedLater")::int AS "signedLater"`;
  const byPlace = await db.$queryRaw<(Place & ExpiredFigures)[]>(
    placeSql(Prisma.sql`
      WITH ${ctes}
      SELECT c."parkId", c."buildingId", ${figures}
      FROM counted c
      GROUP BY GROUPING SETS ((c."parkId"), (c."parkId", c."buildingId"))`),
  );
  const byOfficer = await db.$queryRaw<({ officer: string } & ExpiredFigures)[]>`
    WITH ${ctes}
    SELECT h."name" AS "officer", ${figures}
    FROM counted c JOIN "User" h ON h."id" = c."holderId"
    GROUP BY h."id", h."name"
    ORDER BY count(*) DESC, h."name", h."id"`;
  return { byPlace, byOfficer };
}
