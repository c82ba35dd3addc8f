import "server-only";
import { Prisma } from "../../db/generated/client";
import { reportsOccupancyEn } from "../../i18n/messages/reports-occupancy.en";
import { reportsOccupancyZhCN } from "../../i18n/messages/reports-occupancy.zh-CN";
import type { ReportValue } from "../table";

/*
 * Where a row of the occupancy report is: a park, or one of its buildings. Queries group by park and by
 * (park, building) at once; a park's own row has no building id and is named "全园区" in the building column.
 */

export type Row = Record<string, ReportValue>;
export interface Place {
  parkId: string;
  buildingId: string | null;
  park: string;
  parkEn: string;
  building: string | null;
  buildingEn: string | null;
}

/** The grouped rows with their park and building names, parks in name order, each park's own row first. */
export const placeSql = (grouped: Prisma.Sql, order: Prisma.Sql = Prisma.empty) => Prisma.sql`
  SELECT g.*, p."name" AS "park", p."nameEn" AS "parkEn", b."name" AS "building", b."nameEn" AS "buildingEn"
  FROM (${grouped}) g JOIN "Park" p ON p."id" = g."parkId" LEFT JOIN "Building" b ON b."id" = g."buildingId"
  ORDER BY p."name", p."id", b."position" NULLS FIRST, b."name" ${order}`;

/** The place's words: a park's own row is named "全园区" in the building column. */
export function placeOf(row: Place): Row {
  const whole = row.buildingId === null;
  return {
    parkId: row.parkId,
    buildingId: row.buildingId,
    park: row.park,
    parkEn: row.parkEn,
    building: whole ? reportsOccupancyZhCN.wholePark : row.building,
    buildingEn: whole ? reportsOccupancyEn.wholePark : row.buildingEn,
  };
}
