import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { existingId } from "../../forms/fields";
import { readSettings } from "../../settings/queries";
import { managesProjects, PROJECT_READERS, projectsVisibleTo, visibleProjectSql } from "../access";
import { endOfShanghaiDay } from "../plan";
import { shanghaiDay } from "../../calendar/shanghai-time";
import type { MilestoneKind, ProjectStatus } from "../types";
import type { ProjectFilter } from "./schema";

/*
 * What /crm/projects and the project page's header read. The list is one statement: the viewer's scope,
 * the filters and the signing order are served by Project's indexes (ownerId/parkId with status, signedAt),
 * and each listed row's next open milestone and progress come from its own six milestone rows only, so a
 * page costs the same with 50 or 50,000 projects. Days are Shanghai calendar days.
 */

export const PAGE_SIZE = 50;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The days a warning is measured against: today in Shanghai and the last day "due soon" reaches. */
export async function warningWindow(db: Database, now: Date): Promise<{ today: string; soonUntil: string }> {
  const { warnDays } = (await readSettings(db)).delivery;
  const today = shanghaiDay(now);
  return { today, soonUntil: addDays(today, warnDays) };
}

/**
 * The list's conditions over "Project" aliased `p`, in the viewer's scope: the list and the 项目推进表 export
 * read the same filter the same way.
 */
export function projectFilterSql(
  viewer: Viewer,
  filter: Omit<ProjectFilter, "sort" | "page">,
  window: { today: string; soonUntil: string },
): Prisma.Sql {
  const conditions = [visibleProjectSql(viewer, "p")];
  if (filter.status !== "all") conditions.push(Prisma.sql`p."status"::text = ${filter.status}`);
  if (filter.park) conditions.push(Prisma.sql`p."parkId" = ${filter.park}`);
  if (filter.owner && managesProjects(viewer)) conditions.push(Prisma.sql`p."ownerId" = ${filter.owner}`);
  if (filter.year) {
    const [from, until] = [endOfShanghaiDay(`${filter.year - 1}-12-31`), endOfShanghaiDay(`${filter.year}-12-31`)];
    conditions.push(Prisma.sql`p."signedAt" >= ${from} AND p."signedAt" < ${until}`);
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(
      Prisma.sql`(p."name" ILIKE ${like} OR p."companyName" ILIKE ${like} OR p."creditCode" ILIKE ${like})`,
    );
  }
  if (filter.warning) {
    const due =
      filter.warning === "late"
        ? Prisma.sql`m."plannedOn" < ${window.today}::date`
        : Prisma.sql`m."plannedOn" BETWEEN ${window.today}::date AND ${window.soonUntil}::date`;
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ProjectMilestone" m WHERE m."projectId" = p."id" AND m."actualOn" IS NULL
        AND ${due})`,
    );
  }
  return Prisma.join(conditions, " AND ");
}

export type MilestoneFlag = "late" | "dueSoon" | null;

export interface ProjectListRow {
  id: string;
  name: string;
  companyName: string;
  park: { name: string; nameEn: string } | null;
  ownerName: string | null;
  signedAt: Date;
  status: ProjectStatus;
  next: { kind: MilestoneKind; plannedOn: string | null; flag: MilestoneFlag } | null;
  done: number;
}

interface ListedRow {
  id: string;
  name: string;
  companyName: string;
  parkName: string | null;
  parkNameEn: string | null;
  ownerName: string | null;
  signedAt: Date;
  status: ProjectStatus;
  nextKind: MilestoneKind | null;
  nextOn: string | null;
  done: number;
}

/** A milestone's warning on `today`: late once its planned day has passed, due soon up to the window's end. */
export function milestoneFlag(plannedOn: string | null, window: { today: string; soonUntil: string }): MilestoneFlag {
  if (!plannedOn) return null;
  if (plannedOn < window.today) return "late";
  return plannedOn <= window.soonUntil ? "dueSoon" : null;
}

/** One page of the viewer's projects under the filter, newest signing first unless asked otherwise. */
export async function projectList(
  db: Database,
  viewer: Viewer | null,
  filter: ProjectFilter,
  now = new Date(),
): Promise<{ rows: ProjectListRow[]; hasMore: boolean; today: string }> {
  assertRole(viewer, PROJECT_READERS, "read projects");
  const window = await warningWindow(db, now);
  const order = filter.sort === "signedAsc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await db.$queryRaw<ListedRow[]>`
    WITH page AS (
      SELECT p."id", p."name", p."companyName", p."parkId", p."ownerId", p."signedAt", p."status"::text AS "status"
      FROM "Project" p
      WHERE ${projectFilterSql(viewer, filter, window)}
      ORDER BY p."signedAt" ${order}, p."id" ${order}
      LIMIT ${PAGE_SIZE + 1} OFFSET ${(filter.page - 1) * PAGE_SIZE})
    SELECT page."id", page."name", page."companyName", k."name" AS "parkName", k."nameEn" AS "parkNameEn",
      u."name" AS "ownerName", page."signedAt", page."status",
      nx."kind"::text AS "nextKind", to_char(nx."plannedOn", 'YYYY-MM-DD') AS "nextOn",
      (SELECT count(*)::int FROM "ProjectMilestone" d WHERE d."projectId" = page."id" AND d."actualOn" IS NOT NULL)
        AS "done"
    FROM page
    LEFT JOIN "Park" k ON k."id" = page."parkId"
    LEFT JOIN "User" u ON u."id" = page."ownerId"
    LEFT JOIN LATERAL (
      SELECT m."kind", m."plannedOn" FROM "ProjectMilestone" m
      WHERE m."projectId" = page."id" AND m."actualOn" IS NULL
      ORDER BY m."kind" LIMIT 1) nx ON TRUE
    ORDER BY page."signedAt" ${order}, page."id" ${order}`;
  return {
    hasMore: rows.length > PAGE_SIZE,
    today: window.today,
    rows: rows.slice(0, PAGE_SIZE).map((row) => ({
      id: row.id,
      name: row.name,
      companyName: row.companyName,
      park: row.parkName === null ? null : { name: row.parkName, nameEn: row.parkNameEn ?? "" },
      ownerName: row.ownerName,
      signedAt: row.signedAt,
      status: row.status,
      next: row.nextKind && { kind: row.nextKind, plannedOn: row.nextOn, flag: milestoneFlag(row.nextOn, window) },
      done: row.done,
    })),
  };
}

/** The list's filter choices: the parks, and for managers the officers whose projects they may pick. */
export async function projectListOptions(db: Database, viewer: Viewer | null) {
  assertRole(viewer, PROJECT_READERS, "read projects");
  const [parks, owners] = await Promise.all([
    db.park.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, nameEn: true } }),
    managesProjects(viewer)
      ? db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { parks, owners };
}

const decimalText = (value: Prisma.Decimal | null) => value?.toString() ?? null;

/**
 * The project page's header: the project, its commitments, the lead it came from with the figures the
 * investor gave at intake (意向, set beside the contract's 合同承诺), the units it signed for or occupies,
 * and what the viewer may do. Null when the project is missing or outside the viewer's scope.
 */
export async function projectHeader(db: Database, viewer: Viewer | null, id: string) {
  assertRole(viewer, PROJECT_READERS, "read projects");
  // An address no id can have (a NUL, 400 characters) is simply not found, never a database error.
  if (!existingId.safeParse(id).success) return null;
  const project = await db.project.findFirst({
    where: { id, ...projectsVisibleTo(viewer) },
    include: {
      park: { select: { id: true, name: true, nameEn: true } },
      owner: { select: { id: true, name: true } },
      terminatedBy: { select: { name: true } },
      lead: {
        select: {
          id: true,
          company: true,
          erasedAt: true,
          stage: { select: { name: true, nameEn: true } },
          investment: true,
          expectedAnnualTax: true,
          annualOutput: true,
          employees: true,
          needArea: true,
          needAreaUnit: true,
        },
      },
    },
  });
  if (!project) return null;
  const manages = managesProjects(viewer);
  const [units, owners] = await Promise.all([
    db.unit.findMany({
      where: { leadId: project.leadId, status: { in: ["SIGNED", "OCCUPIED"] } },
      orderBy: [{ building: { name: "asc" } }, { number: "asc" }],
      select: {
        id: true,
        number: true,
        area: true,
        areaUnit: true,
        status: true,
        building: { select: { id: true, name: true, nameEn: true } },
      },
    }),
    manages
      ? db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  const { lead } = project;
  const terminated = project.status === "TERMINATED";
  return {
    id: project.id,
    version: project.version,
    name: project.name,
    companyName: project.companyName,
    creditCode: project.creditCode,
    industry: project.industry,
    status: project.status,
    signedAt: project.signedAt,
    intakeScore: project.intakeScore,
    park: project.park,
    owner: project.owner,
    terminatedAt: project.terminatedAt,
    terminatedBy: project.terminatedBy?.name ?? null,
    terminationReason: project.terminationReason,
    commitments: {
      totalInvestment: decimalText(project.totalInvestment),
      fixedAssetInvestment: decimalText(project.fixedAssetInvestment),
      annualOutput: decimalText(project.annualOutput),
      annualTax: decimalText(project.annualTax),
      jobs: project.jobs,
      landMu: decimalText(project.landMu),
    },
    lead: {
      id: lead.id,
      company: lead.erasedAt ? null : lead.company,
      stage: lead.stage,
      intake: {
        investment: decimalText(lead.investment),
        expectedAnnualTax: decimalText(lead.expectedAnnualTax),
        annualOutput: decimalText(lead.annualOutput),
        employees: lead.employees,
        needArea: decimalText(lead.needArea),
        needAreaUnit: lead.needAreaUnit,
      },
    },
    units: units.map((unit) => ({ ...unit, area: unit.area.toString() })),
    owners,
    may: { edit: !terminated, manage: manages && !terminated },
  };
}
export type ProjectHeader = NonNullable<Awaited<ReturnType<typeof projectHeader>>>;
