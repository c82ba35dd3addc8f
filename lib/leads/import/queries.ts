import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { importPreviewSchema, importRolesOf, type ImportDecision, type ImportKind } from "./schema";
import type { ImportedLead, ImportMapping } from "./types";

/*
 * What the import pages read: the admin's jobs, one job's progress, its preview page by page, and
 * its summary. For the roles of the job's kind (importRolesOf), like the import itself; each reads
 * only jobs of its kind (leads unless said).
 */

/** How long after it finished an import can be undone. */
export const UNDO_WINDOW_MS = 24 * 3_600_000;
export const PREVIEW_PAGE_SIZE = 100;

const JOB_FIELDS = {
  id: true,
  status: true,
  fileName: true,
  fileType: true,
  encoding: true,
  keepFile: true,
  headerRow: true,
  totalRows: true,
  processedRows: true,
  created: true,
  merged: true,
  skipped: true,
  failed: true,
  error: true,
  kind: true,
  park: { select: { id: true, name: true, nameEn: true } },
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  undoneAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ImportJobSelect;

type JobRow = Prisma.ImportJobGetPayload<{ select: typeof JOB_FIELDS }>;
export type ImportJobListItem = JobRow & { hasFile: boolean; undoableUntil: Date | null };
export type ImportJobView = ImportJobListItem & { headers: string[]; mapping: ImportMapping | null };

function undoableUntil(job: { status: string; finishedAt: Date | null }, now: Date): Date | null {
  if (job.status !== "DONE" || !job.finishedAt) return null;
  const until = new Date(job.finishedAt.getTime() + UNDO_WINDOW_MS);
  return until > now ? until : null;
}

export async function listImports(
  db: Database,
  viewer: Viewer | null,
  now = new Date(),
  kind: ImportKind = "LEADS",
): Promise<ImportJobListItem[]> {
  assertRole(viewer, importRolesOf(kind), "see imports");
  const jobs = await db.importJob.findMany({
    where: { kind },
    select: JOB_FIELDS,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  const withFile = new Set(
    (
      await db.importJob.findMany({
        where: { id: { in: jobs.map((job) => job.id) }, file: { not: null } },
        select: { id: true },
      })
    ).map((job) => job.id),
  );
  return jobs.map((job) => ({ ...job, hasFile: withFile.has(job.id), undoableUntil: undoableUntil(job, now) }));
}

export async function importJob(
  db: Database,
  viewer: Viewer | null,
  id: string,
  now = new Date(),
  kind: ImportKind = "LEADS",
): Promise<ImportJobView | null> {
  assertRole(viewer, importRolesOf(kind), "see imports");
  const job = await db.importJob.findUnique({
    where: { id, kind },
    select: { ...JOB_FIELDS, headers: true, mapping: true },
  });
  if (!job) return null;
  const hasFile = (await db.importJob.count({ where: { id, file: { not: null } } })) > 0;
  return {
    ...job,
    headers: job.headers as string[],
    mapping: job.mapping as ImportMapping | null,
    hasFile,
    undoableUntil: undoableUntil(job, now),
  };
}

/** The lead a row duplicates, as the preview shows it beside the row. */
export interface ImportDuplicate {
  id: string;
  company: string;
  contactName: string;
  phone: string;
  stageKey: string;
  ownerName: string | null;
}

/** The unit a units import's row matches, as the preview shows it beside the row. */
export interface ImportMatchedUnit {
  id: string;
  building: string;
  number: string;
  status: "VACANT" | "HELD" | "SIGNED" | "OCCUPIED" | "UNAVAILABLE";
}

/** A row of the preview; a units import's values are lib/inventory/import's ImportedUnit. */
export interface ImportPreviewRow<Values = ImportedLead> {
  rowNumber: number;
  cells: string[];
  values: Values | null;
  errors: Record<string, string> | null;
  matchBy: "phone" | "company" | null;
  duplicate: ImportDuplicate | null;
  /** a units import: the unit the row matches (building + number) */
  matchedUnit: ImportMatchedUnit | null;
  proposal: ImportDecision;
  decision: ImportDecision | null;
  /** why the row is proposed as a skip: "repeatOf:<row>" for a phone an earlier row of the file has */
  reason: string | null;
}

const FILTERS: Record<string, Prisma.ImportRowWhereInput> = {
  all: {},
  create: { OR: [{ decision: "CREATE" }, { decision: null, proposal: "CREATE" }] },
  merge: { OR: [{ decision: "MERGE" }, { decision: null, proposal: "MERGE" }] },
  skip: { OR: [{ decision: "SKIP" }, { decision: null, proposal: "SKIP" }] },
  errors: { errors: { not: Prisma.DbNull } },
};

/** One page of the preview, keyset-paged by row number; `next` is the cursor of the page after, if any. */
export async function importPreview(
  db: Database,
  viewer: Viewer | null,
  id: string,
  page: { filter?: unknown; cursor?: unknown } = {},
  kind: ImportKind = "LEADS",
): Promise<{ rows: ImportPreviewRow[]; next: number | null }> {
  assertRole(viewer, importRolesOf(kind), "see imports");
  const { filter, cursor } = importPreviewSchema.parse(page);
  const rows = await db.importRow.findMany({
    where: { jobId: id, job: { kind }, rowNumber: { gt: cursor }, ...FILTERS[filter] },
    orderBy: { rowNumber: "asc" },
    take: PREVIEW_PAGE_SIZE + 1,
    select: {
      rowNumber: true,
      cells: true,
      values: true,
      errors: true,
      matchBy: true,
      matchLeadId: true,
      matchUnitId: true,
      proposal: true,
      decision: true,
      reason: true,
    },
  });
  const shown = rows.slice(0, PREVIEW_PAGE_SIZE);
  const leadIds = [...new Set(shown.map((row) => row.matchLeadId).filter((leadId) => leadId !== null))];
  const leads = leadIds.length
    ? await db.lead.findMany({
        where: { id: { in: leadIds } },
        select: {
          id: true,
          company: true,
          contactName: true,
          phone: true,
          stageKey: true,
          owner: { select: { name: true } },
        },
      })
    : [];
  const byId = new Map(leads.map(({ owner, ...lead }) => [lead.id, { ...lead, ownerName: owner?.name ?? null }]));
  const unitIds = [...new Set(shown.map((row) => row.matchUnitId).filter((unitId) => unitId !== null))];
  const units = unitIds.length
    ? await db.unit.findMany({
        where: { id: { in: unitIds } },
        select: { id: true, number: true, status: true, building: { select: { name: true } } },
      })
    : [];
  const unitById = new Map(
    units.map(({ building, ...unit }) => [unit.id, { ...unit, building: building.name } as ImportMatchedUnit]),
  );
  return {
    rows: shown.map(({ matchLeadId, matchUnitId, ...row }) => ({
      ...row,
      cells: row.cells as string[],
      values: row.values as unknown as ImportedLead | null,
      errors: row.errors as Record<string, string> | null,
      matchBy: row.matchBy as ImportPreviewRow["matchBy"],
      duplicate: (matchLeadId && byId.get(matchLeadId)) || null,
      matchedUnit: (matchUnitId && unitById.get(matchUnitId)) || null,
    })),
    next: rows.length > PREVIEW_PAGE_SIZE ? shown[shown.length - 1].rowNumber : null,
  };
}

export interface ImportSummary {
  /** what the rows will do (their decision, else their proposal) — the preview's totals */
  planned: Record<ImportDecision, number>;
  withErrors: number;
  /** what the rows did, once written */
  results: { created: number; merged: number; skipped: number; failed: number };
}

export async function importSummary(
  db: Database,
  viewer: Viewer | null,
  id: string,
  kind: ImportKind = "LEADS",
): Promise<ImportSummary> {
  assertRole(viewer, importRolesOf(kind), "see imports");
  const [planned, withErrors, job] = await Promise.all([
    db.$queryRaw<{ action: ImportDecision; count: number }[]>`
      SELECT COALESCE("decision", "proposal")::text AS "action", count(*)::int AS "count"
      FROM "ImportRow" WHERE "jobId" = ${id} GROUP BY 1`,
    db.importRow.count({ where: { jobId: id, errors: { not: Prisma.DbNull } } }),
    db.importJob.findUnique({
      where: { id, kind },
      select: { created: true, merged: true, skipped: true, failed: true },
    }),
  ]);
  const totals: Record<ImportDecision, number> = { CREATE: 0, MERGE: 0, SKIP: 0 };
  for (const row of planned) totals[row.action] = row.count;
  return { planned: totals, withErrors, results: job ?? { created: 0, merged: 0, skipped: 0, failed: 0 } };
}
