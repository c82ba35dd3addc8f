import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { LedgerUnit } from "./units";

/*
 * The rows of the two workbooks, read in keyset batches of (createdAt, id) so a year of a million
 * leads streams through Lead_createdAt_id_idx without ever sitting in memory. Only the columns the
 * sheet shows are selected; names come from one join each, a lead's units from Unit_leadId_idx.
 */

export interface ProjectRow {
  id: string;
  company: string;
  industry: string | null;
  use: string | null;
  needKind: "FACTORY" | "OFFICE" | "LAND" | null;
  /** 万元 */
  investment: number | null;
  /** 万元 a year */
  tax: number | null;
  needArea: number | null;
  needAreaUnit: "SQM" | "MU" | null;
  stageName: string;
  stageNameEn: string;
  ownerName: string | null;
  source: string;
  parkName: string | null;
  parkNameEn: string | null;
  createdAt: Date;
  lastActivityAt: Date | null;
  signedAt: Date | null;
  signedArea: number | null;
  signedAreaUnit: "SQM" | "MU" | null;
  /** 万元 a year */
  signedTax: number | null;
  /** the units the lead signed for or moved into (null for none), in the park grid's order */
  units: LedgerUnit[] | null;
}

export const ROW_BATCH = 2000;

/** A UTC instant as the `timestamp without time zone` the columns hold (connections run in UTC). */
export function instant(value: Date): Prisma.Sql {
  return Prisma.sql`(${value}::timestamptz AT TIME ZONE 'UTC')`;
}

function selectRows(where: Prisma.Sql, batchSize: number): Prisma.Sql {
  return Prisma.sql`
    SELECT l."id", l."company", l."industry", l."use", l."needKind"::text AS "needKind",
           l."investment"::float8 AS "investment", l."expectedAnnualTax"::float8 AS "tax",
           l."needArea"::float8 AS "needArea", l."needAreaUnit"::text AS "needAreaUnit",
           s."name" AS "stageName", s."nameEn" AS "stageNameEn", u."name" AS "ownerName", l."source",
           p."name" AS "parkName", p."nameEn" AS "parkNameEn",
           l."createdAt", l."lastActivityAt", l."signedAt",
           l."signedArea"::float8 AS "signedArea", l."signedAreaUnit"::text AS "signedAreaUnit",
           l."signedAnnualTax"::float8 AS "signedTax",
           (SELECT json_agg(json_build_object('building', b."name", 'buildingEn', b."nameEn", 'number', un."number",
                'area', un."area"::float8, 'areaUnit', un."areaUnit", 'areaSqm', un."areaSqm"::float8)
              ORDER BY b."position", b."name", un."floor", un."number")
            FROM "Unit" un JOIN "Building" b ON b."id" = un."buildingId"
            WHERE un."leadId" = l."id" AND un."status" IN ('SIGNED', 'OCCUPIED')) AS "units"
    FROM "Lead" l
    JOIN "Stage" s ON s."key" = l."stageKey"
    LEFT JOIN "User" u ON u."id" = l."ownerId"
    LEFT JOIN "Park" p ON p."id" = l."parkId"
    WHERE ${where}
    ORDER BY l."createdAt", l."id"
    LIMIT ${batchSize}`;
}

/** Every lead matching `where` (a condition over "Lead" aliased l), in the order received, one batch at a time. */
export async function* projectRows(
  db: Database,
  where: Prisma.Sql,
  batchSize = ROW_BATCH,
): AsyncGenerator<ProjectRow[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const position: Prisma.Sql = after
      ? Prisma.sql`AND (l."createdAt", l."id") > (${instant(after.createdAt)}, ${after.id})`
      : Prisma.empty;
    const batch = await db.$queryRaw<ProjectRow[]>(selectRows(Prisma.sql`${where} ${position}`, batchSize));
    if (batch.length) yield batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** The leads of `ids` (already in the order wanted), read a batch of ids at a time. */
export async function* projectRowsOf(db: Database, ids: string[], batchSize = ROW_BATCH): AsyncGenerator<ProjectRow[]> {
  for (let start = 0; start < ids.length; start += batchSize) {
    yield db.$queryRaw<ProjectRow[]>(
      selectRows(Prisma.sql`l."id" = ANY(${ids.slice(start, start + batchSize)}::text[])`, batchSize),
    );
  }
}
