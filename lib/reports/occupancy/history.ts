import "server-only";
import { Prisma } from "../../db/generated/client";
import { SHANGHAI_OFFSET_MS } from "../../calendar/shanghai-time";
import { areaSumsSql } from "../../inventory/totals";
import type { ReportFilter } from "../filters";

/*
 * Units' statuses in the past, from UnitStatusChange. Every change names the status it left (fromStatus;
 * null for a unit's first status, written with it), so:
 * - at a moment, a unit created before it is in its status now, with every change made since undone
 *   (back to that change's fromStatus; a first status undone means the unit was not there yet). Summed by
 *   building this is a running total over the moments — each change is read once, never once per moment;
 * - a vacant spell that ended is the change leaving VACANT and the unit's change before it (or its creation).
 * Changes are found along UnitStatusChange_changedAt_idx and _unitId_changedAt_idx.
 */

type View = Pick<ReportFilter, "park" | "kind">;

/** An instant as the `timestamp without time zone` (UTC) the columns hold. */
export function instantSql(value: Date): Prisma.Sql {
  return Prisma.sql`(${value.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** The Asia/Shanghai calendar day of a UTC timestamp column or expression (UTC+8 all year, lib/calendar). */
export function shanghaiDateSql(value: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${value} + ${`${SHANGHAI_OFFSET_MS / 1000} seconds`}::interval)::date`;
}

/** The units the view covers: the park and the building kind chosen. */
export function unitsInViewSql(filter: View): Prisma.Sql {
  const conditions = [Prisma.sql`true`];
  if (filter.park) conditions.push(Prisma.sql`u."parkId" = ${filter.park}`);
  if (filter.kind) conditions.push(Prisma.sql`b."kind" = ${filter.kind}::"ListingKind"`);
  return Prisma.sql`SELECT u."id", u."parkId", u."buildingId", u."areaSqm", u."createdAt", u."status"
    FROM "Unit" u JOIN "Building" b ON b."id" = u."buildingId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

/**
 * The areas by status (lib/inventory/totals' columns) at each moment ("n", 1-based, in the order given:
 * ascending), per park and per building (null). A building with no unit yet at a moment has no row for it.
 */
export function areasAtMomentsSql(filter: View, moments: readonly Date[]): Prisma.Sql {
  const count = moments.length;
  const instants = moments.map((at) => at.toISOString());
  // width_bucket(x, moments) is how many moments are at or before x.
  return Prisma.sql`
    WITH units AS (${unitsInViewSql(filter)}),
    m AS (
      SELECT ARRAY(SELECT (t::timestamptz AT TIME ZONE 'UTC') FROM unnest(${instants}::text[])
        WITH ORDINALITY AS x(t, i) ORDER BY i) AS "ats"
    ),
    placed AS (SELECT u.*, width_bucket(u."createdAt", m."ats") AS "born" FROM units u CROSS JOIN m),
    undone AS (
      -- undone at the moments after the unit's creation and at or before the change: (born, last]
      SELECT p."parkId", p."buildingId", p."born", width_bucket(c."changedAt", m."ats") AS "last",
        c."fromStatus", c."toStatus", sum(p."areaSqm") AS "area"
      FROM "UnitStatusChange" c CROSS JOIN m JOIN placed p ON p."id" = c."unitId"
      WHERE c."changedAt" >= m."ats"[1] AND width_bucket(c."changedAt", m."ats") > p."born"
      GROUP BY 1, 2, 3, 4, 5, 6
    ),
    steps AS (
      SELECT p."parkId", p."buildingId", p."status", p."born" + 1 AS "n", sum(p."areaSqm") AS "area"
      FROM placed p GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT d."parkId", d."buildingId", x."status", x."n", x."area"
      FROM undone d CROSS JOIN LATERAL (VALUES
        (d."fromStatus", d."born" + 1, d."area"), (d."toStatus", d."born" + 1, -d."area"),
        (d."fromStatus", d."last" + 1, -d."area"), (d."toStatus", d."last" + 1, d."area")
      ) x("status", "n", "area")
      WHERE x."status" IS NOT NULL
    ),
    summed AS (
      SELECT s."parkId", s."buildingId", s."status", s."n", sum(s."area") AS "area"
      FROM steps s WHERE s."n" <= ${count}
      GROUP BY s."parkId", s."buildingId", s."status", s."n"
    ),
    running AS (
      SELECT k."parkId", k."buildingId", k."status", n."n",
        sum(COALESCE(d."area", 0)) OVER (PARTITION BY k."buildingId", k."status" ORDER BY n."n") AS "areaSqm"
      FROM (SELECT DISTINCT s."parkId", s."buildingId", s."status" FROM summed s) k
      CROSS JOIN generate_series(1, ${count}::int) n("n")
      LEFT JOIN summed d ON d."buildingId" = k."buildingId" AND d."status" = k."status" AND d."n" = n."n"
    )
    SELECT r."n", r."parkId", r."buildingId", ${areaSumsSql("r")}
    FROM running r
    GROUP BY GROUPING SETS ((r."n", r."parkId"), (r."n", r."parkId", r."buildingId"))
    HAVING sum(r."areaSqm") <> 0`;
}

/**
 * Vacant spells per park and building (null): those that ended in [from, end) with their days, and the units
 * vacant at `end` with the days since they became so. Days are Asia/Shanghai calendar days.
 */
export function vacancySql(filter: View, from: Date, end: Date): Prisma.Sql {
  const day = (value: Prisma.Sql) => shanghaiDateSql(value);
  return Prisma.sql`
    WITH units AS (${unitsInViewSql(filter)}),
    ended AS (
      SELECT c."unitId", true AS "ended", ${day(Prisma.sql`c."changedAt"`)} - ${day(Prisma.sql`COALESCE(
          (SELECT p."changedAt" FROM "UnitStatusChange" p
            WHERE p."unitId" = c."unitId" AND p."changedAt" < c."changedAt"
            ORDER BY p."changedAt" DESC LIMIT 1),
          u."createdAt")`)} AS "days"
      FROM "UnitStatusChange" c JOIN units u ON u."id" = c."unitId"
      WHERE c."fromStatus" = 'VACANT' AND c."changedAt" >= ${instantSql(from)} AND c."changedAt" < ${instantSql(end)}
    ),
    latest AS (
      SELECT u."id", u."createdAt", u."status"::text AS "now", l."toStatus"::text AS "then", l."changedAt",
        -- with no change before the end: the status the unit was created in, if any change came after
        CASE WHEN l."changedAt" IS NULL THEN (SELECT COALESCE(c."fromStatus"::text, 'NONE') FROM "UnitStatusChange" c
          WHERE c."unitId" = u."id" ORDER BY c."changedAt" LIMIT 1) END AS "created"
      FROM units u
      LEFT JOIN LATERAL (SELECT c."toStatus", c."changedAt" FROM "UnitStatusChange" c
        WHERE c."unitId" = u."id" AND c."changedAt" < ${instantSql(end)}
        ORDER BY c."changedAt" DESC LIMIT 1) l ON true
      WHERE u."createdAt" < ${instantSql(end)}
    ),
    running AS (
      SELECT l."id" AS "unitId", false AS "ended",
        ${day(instantSql(end))} - ${day(Prisma.sql`COALESCE(l."changedAt", l."createdAt")`)} AS "days"
      FROM latest l
      WHERE COALESCE(l."then", l."created", l."now") = 'VACANT'
    ),
    spans AS (SELECT * FROM ended UNION ALL SELECT * FROM running)
    SELECT u."parkId", u."buildingId",
      count(v."unitId") FILTER (WHERE v."ended")::int AS "leftVacant",
      avg(v."days") FILTER (WHERE v."ended")::float8 AS "leftVacantDays",
      count(v."unitId") FILTER (WHERE NOT v."ended")::int AS "vacantAtEnd",
      avg(v."days") FILTER (WHERE NOT v."ended")::float8 AS "vacantAtEndDays"
    FROM units u LEFT JOIN spans v ON v."unitId" = u."id"
    GROUP BY GROUPING SETS ((u."parkId"), (u."parkId", u."buildingId"))`;
}
