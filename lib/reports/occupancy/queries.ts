import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { INVENTORY_READERS } from "../../inventory/access";
import { areaSumsSql, totalsOf, type AreaSums } from "../../inventory/totals";
import { managesLeads } from "../../leads/access";
import { resolveRange, type ReportFilter } from "../filters";
import type { ReportTable } from "../table";
import {
  expiredByOfficerColumns,
  expiredColumns,
  nowColumns,
  OCCUPANCY_TABLES,
  rateColumns,
  vacancyColumns,
} from "./columns";
import { expiredHolds } from "./expired";
import { momentPeriod, occupancyMoments } from "./moments";
import { placeOf, placeSql, type Place, type Row } from "./places";
import { areasAtMomentsSql, unitsInViewSql, vacancySql } from "./history";

/*
 * 出租率/去化率 and vacancy, per park and per building (a park's own row first, "全园区"), for the units the
 * view covers (park, building kind). Areas in m² and the rate as lib/inventory/totals defines them.
 * - rate: at the end of each month or week of the range (./moments), from each unit's status then (./history);
 *   a unit counts from its creation on.
 * - vacancy: the vacant spells that ended in the range and their length, and the units vacant at its end
 *   (or now) with the days they have been; days are Asia/Shanghai calendar days between the two instants.
 * - expired: holds whose expiry ended them in the range, and of those how many belong to a lead that signed
 *   a unit after the hold ended; per park and building, and per officer holding. Staff read their own holds,
 *   managers everyone's or the officer the owner filter names. Occupancy is not personal: every officer reads
 *   the grid, so it is shown to all.
 * - now: the areas by status at this moment.
 */

interface VacancyFigures {
  leftVacant: number;
  leftVacantDays: number | null;
  vacantAtEnd: number;
  vacantAtEndDays: number | null;
}

/** The areas by status with the rate, the area on offer (total − 不可租售) and the area taken (signed + occupied). */
function areaRow(row: AreaSums): Row {
  const { total, vacant, held, signed, occupied, unavailable, rate } = totalsOf(row);
  const hundredths = (value: number) => Math.round(value * 100);
  return {
    total,
    vacant,
    held,
    signed,
    occupied,
    unavailable,
    rate,
    offered: (hundredths(total) - hundredths(unavailable)) / 100,
    taken: (hundredths(signed) + hundredths(occupied)) / 100,
  };
}

export async function occupancyReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, INVENTORY_READERS, "read the occupancy report");
  const range = resolveRange(filter, now);
  const end = new Date(Math.min(range.to.getTime(), now.getTime()));
  const moments = occupancyMoments(range, momentPeriod(range, filter.period), now);

  // Four independent statements: sent together, the report waits for the slowest, not for their sum.
  const [rates, vacancies, expired, totalsNow] = await Promise.all([
    moments.length === 0
      ? []
      : db.$queryRaw<(Place & AreaSums & { n: number })[]>(
          placeSql(
            areasAtMomentsSql(
              filter,
              moments.map((moment) => moment.at),
            ),
            Prisma.sql`, g."n"`,
          ),
        ),
    db.$queryRaw<(Place & VacancyFigures)[]>(placeSql(vacancySql(filter, range.from, end))),
    expiredHolds(db, filter, range, managesLeads(viewer) ? filter.owner : viewer.id),
    db.$queryRaw<(Place & AreaSums)[]>(
      placeSql(Prisma.sql`
    WITH units AS (${unitsInViewSql(filter)})
    SELECT u."parkId", u."buildingId", ${areaSumsSql("u")}
    FROM units u
    GROUP BY GROUPING SETS ((u."parkId"), (u."parkId", u."buildingId"))`),
    ),
  ]);

  return [
    {
      key: OCCUPANCY_TABLES.rate,
      columns: rateColumns,
      rows: rates.map((row) => {
        const moment = moments[row.n - 1];
        const figures = areaRow(row);
        return { ...placeOf(row), period: moment.label, asOf: moment.day, ...figures };
      }),
    },
    {
      key: OCCUPANCY_TABLES.vacancy,
      columns: vacancyColumns,
      rows: vacancies.map((row) => ({ ...row, ...placeOf(row) })),
    },
    {
      key: OCCUPANCY_TABLES.expired,
      columns: expiredColumns,
      rows: expired.byPlace.map((row) => ({ ...row, ...placeOf(row) })),
    },
    {
      key: OCCUPANCY_TABLES.expiredByOfficer,
      columns: expiredByOfficerColumns,
      rows: expired.byOfficer.map((row) => ({ ...row })),
    },
    {
      key: OCCUPANCY_TABLES.now,
      columns: nowColumns,
      rows: totalsNow.map((row) => ({ ...placeOf(row), ...areaRow(row) })),
    },
  ];
}
