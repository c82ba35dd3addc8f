import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { MILESTONE_KINDS, type MilestoneKind, type ProjectStatus, type SupervisionStatus } from "../types";

/*
 * The 项目推进表's rows, read in batches in signing order (the signing index), each batch one statement: the
 * project with its park and officer, its six milestones' current plan and actual day, the 到资 paid so far, the
 * evaluation year's actuals, its open milestones late and due soon today, how often it was re-planned, and its
 * latest 督办 item. No contact of the lead is read: the table has no use for one.
 */

export interface MilestoneDays {
  planned: Date | null;
  actual: Date | null;
}

export interface ProgressRow {
  id: string;
  signedAt: Date;
  name: string;
  companyName: string;
  creditCode: string | null;
  parkName: string | null;
  parkNameEn: string | null;
  benchmarkTaxPerMu: number | null;
  benchmarkOutputPerMu: number | null;
  industry: string | null;
  ownerName: string | null;
  status: ProjectStatus;
  terminatedAt: Date | null;
  terminationReason: string | null;
  totalInvestment: number | null;
  fixedAssetInvestment: number | null;
  annualOutput: number | null;
  annualTax: number | null;
  landMu: number | null;
  milestones: Record<MilestoneKind, MilestoneDays>;
  paid: number | null;
  yearOutput: number | null;
  yearTax: number | null;
  late: number;
  dueSoon: number;
  replans: number;
  supervisionTitle: string | null;
  supervisionStatus: SupervisionStatus | null;
}

type Raw = Omit<ProgressRow, "milestones"> & Record<string, unknown>;

export interface ProgressQuery {
  where: Prisma.Sql;
  /** the evaluation year whose actuals the sheet sets beside the promise */
  year: number;
  today: string;
  soonUntil: string;
}

const dayOfKind = (kind: MilestoneKind, column: "plannedOn" | "actualOn", name: string) =>
  Prisma.sql`max(m.${Prisma.raw(`"${column}"`)}) FILTER (WHERE m."kind" = ${kind}::"MilestoneKind")
    AS ${Prisma.raw(`"${kind}_${name}"`)}`;
const milestoneColumns = Prisma.join(
  MILESTONE_KINDS.flatMap((kind) => [dayOfKind(kind, "plannedOn", "planned"), dayOfKind(kind, "actualOn", "actual")]),
  ", ",
);

function batchSql(query: ProgressQuery, after: { signedAt: Date; id: string } | null, size: number): Prisma.Sql {
  const from = after
    ? Prisma.sql`AND (p."signedAt", p."id")
        > (${after.signedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${after.id})`
    : Prisma.empty;
  return Prisma.sql`
    WITH batch AS (
      SELECT p.* FROM "Project" p
      WHERE ${query.where} ${from}
      ORDER BY p."signedAt", p."id"
      LIMIT ${size})
    SELECT p."id", p."signedAt", p."name", p."companyName", p."creditCode", p."industry", p."status"::text AS "status",
      p."terminatedAt", p."terminationReason",
      p."totalInvestment"::float8 AS "totalInvestment", p."fixedAssetInvestment"::float8 AS "fixedAssetInvestment",
      p."annualOutput"::float8 AS "annualOutput", p."annualTax"::float8 AS "annualTax", p."landMu"::float8 AS "landMu",
      k."name" AS "parkName", k."nameEn" AS "parkNameEn", k."benchmarkTaxPerMu"::float8 AS "benchmarkTaxPerMu",
      k."benchmarkOutputPerMu"::float8 AS "benchmarkOutputPerMu", u."name" AS "ownerName",
      ms.*,
      (SELECT sum(f."amount")::float8 FROM "ProjectFunding" f WHERE f."projectId" = p."id") AS "paid",
      y."output"::float8 AS "yearOutput", y."tax"::float8 AS "yearTax",
      (SELECT count(*)::int FROM "MilestonePlanChange" c WHERE c."projectId" = p."id" AND c."previousOn" IS NOT NULL)
        AS "replans",
      s."title" AS "supervisionTitle", s."status"::text AS "supervisionStatus"
    FROM batch p
    LEFT JOIN "Park" k ON k."id" = p."parkId"
    LEFT JOIN "User" u ON u."id" = p."ownerId"
    LEFT JOIN "ProjectYear" y ON y."projectId" = p."id" AND y."year" = ${query.year}::int
    CROSS JOIN LATERAL (
      SELECT ${milestoneColumns},
        (count(*) FILTER (WHERE m."actualOn" IS NULL AND m."plannedOn" < ${query.today}::date))::int AS "late",
        (count(*) FILTER (WHERE m."actualOn" IS NULL
          AND m."plannedOn" BETWEEN ${query.today}::date AND ${query.soonUntil}::date))::int AS "dueSoon"
      FROM "ProjectMilestone" m WHERE m."projectId" = p."id") ms
    LEFT JOIN LATERAL (
      SELECT s."title", s."status" FROM "Supervision" s WHERE s."projectId" = p."id"
      ORDER BY s."createdAt" DESC, s."id" DESC LIMIT 1) s ON TRUE
    ORDER BY p."signedAt", p."id"`;
}

function rowOf(raw: Raw): ProgressRow {
  const milestones = Object.fromEntries(
    MILESTONE_KINDS.map((kind) => [
      kind,
      {
        planned: (raw[`${kind}_planned`] as Date | null) ?? null,
        actual: (raw[`${kind}_actual`] as Date | null) ?? null,
      },
    ]),
  ) as Record<MilestoneKind, MilestoneDays>;
  const row = { ...raw, milestones } as ProgressRow & Record<string, unknown>;
  for (const kind of MILESTONE_KINDS) {
    delete row[`${kind}_planned`];
    delete row[`${kind}_actual`];
  }
  return row;
}

export const PROGRESS_BATCH = 500;

/** The projects the query covers, batch by batch. */
export async function* progressBatches(
  db: Database,
  query: ProgressQuery,
  size = PROGRESS_BATCH,
): AsyncGenerator<ProgressRow[]> {
  let after: { signedAt: Date; id: string } | null = null;
  for (;;) {
    const batch: ProgressRow[] = (await db.$queryRaw<Raw[]>(batchSql(query, after, size))).map(rowOf);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    const last: ProgressRow = batch[batch.length - 1];
    after = { signedAt: last.signedAt, id: last.id };
  }
}
