import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { recogniseUnitColumns, rememberedUnitMapping, rememberUnitMapping } from "../../inventory/import";
import { unitImportMappingSchema } from "../../inventory/import/schema";
import { wakeImportRunner } from "./wake";
import { recogniseColumns, rememberedMapping, rememberMapping, unitHeaderRecognition } from "./columns";
import { ImportFileError, readImportFile } from "./file";
import {
  importDecisionSchema,
  importJobSchema,
  importMappingSchema,
  importRolesOf,
  importStartSchema,
  importUploadSchema,
  unitImportUploadSchema,
  type ImportKind,
} from "./schema";
import type { ImportMapping } from "./types";

/** How many data rows the mapping form shows under each header. */
export const IMPORT_SAMPLE_ROWS = 3;

/*
 * The admin's steps of an import: upload, confirm the mapping, choose per row, start, cancel, keep
 * or drop the file. The work between them (analysis, writing) is the runner's (runner.ts): nothing
 * here holds a request open for more than reading one file.
 *
 * Each step takes the job's kind (leads unless said): a step finds only jobs of its kind, and is
 * allowed to the kind's roles (importRolesOf). The units kind's columns and rows are lib/inventory/import's.
 */

export { IMPORT_ROLES } from "./schema";
export type ImportStepResult = { ok: true; jobId: string } | { ok: false; fieldErrors: FieldErrors };

/** Every step is allowed to its kind's roles only; a refusal says what was tried. */
function assertImporter(viewer: Viewer | null, kind: ImportKind): asserts viewer is Viewer {
  assertRole(viewer, importRolesOf(kind), kind === "UNITS" ? "import buildings and units" : "import leads");
}

const notFound: ImportStepResult = { ok: false, fieldErrors: { jobId: "notFound" } };
/** A step asked for in the wrong state (a second tab, a job the runner moved on): the page re-reads the job. */
const wrongState: ImportStepResult = { ok: false, fieldErrors: { jobId: "importState" } };

/** The audit log names a job by its file (ImportJob has no other name); the name is the admin's, not a person's. */
async function fileNameOf(tx: Prisma.TransactionClient, jobId: string): Promise<string> {
  return (await tx.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { fileName: true } })).fileName;
}

export async function uploadImport(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  kind: ImportKind = "LEADS",
): Promise<ImportStepResult> {
  assertImporter(viewer, kind);
  const parsed = (kind === "UNITS" ? unitImportUploadSchema : importUploadSchema).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { file } = parsed.data;
  const parkId: string | null = "parkId" in parsed.data ? (parsed.data.parkId as string) : null;
  if (parkId && !(await db.park.count({ where: { id: parkId } }))) {
    return { ok: false, fieldErrors: { parkId: "notFound" } };
  }
  const fileName = (file instanceof File && file.name ? file.name : "import").slice(0, 200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let sheet;
  try {
    sheet = await readImportFile(
      bytes,
      fileName,
      kind === "UNITS" ? { header: await unitHeaderRecognition(db) } : undefined,
    );
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, fieldErrors: { file: error.key } };
    throw error;
  }
  const mapping =
    kind === "UNITS"
      ? recogniseUnitColumns(sheet.headers, await rememberedUnitMapping(db))
      : recogniseColumns(sheet.headers, await rememberedMapping(db));
  return db.$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: {
        kind,
        parkId,
        fileName,
        fileType: sheet.fileType,
        encoding: sheet.encoding,
        file: bytes,
        headers: sheet.headers,
        headerRow: sheet.headerRow,
        samples: sheet.rows.slice(0, IMPORT_SAMPLE_ROWS).map((row) => row.cells),
        mapping,
        totalRows: sheet.rows.length,
        createdById: viewer.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "import.upload",
      entityType: "ImportJob",
      entityId: job.id,
      details: { fileName, fileType: sheet.fileType, rows: sheet.rows.length, ...(parkId ? { kind, parkId } : {}) },
    });
    return { ok: true as const, jobId: job.id };
  });
}

/** The mapping form's answer: column index → field, "" for a column left out. */
function mappingOf(confirmed: Record<string, string>): ImportMapping {
  return Object.fromEntries(Object.entries(confirmed).filter(([, field]) => field !== "")) as ImportMapping;
}

export async function confirmImportMapping(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  kind: ImportKind = "LEADS",
): Promise<ImportStepResult> {
  assertImporter(viewer, kind);
  const fields = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  const id = importJobSchema.safeParse({ jobId: fields.jobId });
  if (!id.success) return { ok: false, fieldErrors: fieldErrorsOf(id.error) };
  const parsed = (kind === "UNITS" ? unitImportMappingSchema : importMappingSchema).safeParse(fields.mapping);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const job = await db.importJob.findUnique({
    where: { id: id.data.jobId, kind },
    select: { status: true, headers: true },
  });
  if (!job) return notFound;
  const mapping = mappingOf(parsed.data as Record<string, string>);
  const changed = await db.importJob.updateMany({
    where: { id: id.data.jobId, kind, status: "MAPPING" },
    data: {
      mapping,
      samples: Prisma.DbNull,
      status: "ANALYSING",
      processedRows: 0,
      claimedUntil: null,
      attempts: 0,
    },
  });
  if (changed.count === 0) return wrongState;
  if (kind === "UNITS") await rememberUnitMapping(db, viewer, job.headers as string[], mapping);
  else await rememberMapping(db, viewer, job.headers as string[], mapping);
  wakeImportRunner();
  return { ok: true, jobId: id.data.jobId };
}

export async function decideImportRows(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  kind: ImportKind = "LEADS",
): Promise<ImportStepResult & { changed?: number }> {
  assertImporter(viewer, kind);
  const parsed = importDecisionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { jobId, rows, all, only } = parsed.data;
  return db.$transaction(async (tx) => {
    // Locks the job: a start cannot slip between the state check and the choices.
    const [job] = await tx.$queryRaw<{ status: string }[]>`
      SELECT "status"::text FROM "ImportJob" WHERE "id" = ${jobId} AND "kind"::text = ${kind} FOR UPDATE`;
    if (!job) return notFound;
    if (job.status !== "PREVIEW") return wrongState;
    let changed = 0;
    if (all) {
      // A row with errors can only be skipped, whatever "all" says.
      const where: Prisma.ImportRowWhereInput = {
        jobId,
        ...(only === "ERRORS" ? { errors: { not: Prisma.DbNull } } : only ? { proposal: only } : {}),
      };
      const valid = all === "SKIP" ? where : { AND: [where, { values: { not: Prisma.DbNull } }] };
      changed = (
        await tx.importRow.updateMany({
          where: valid as Prisma.ImportRowWhereInput,
          data: { decision: all },
        })
      ).count;
    }
    for (const row of rows ?? []) {
      const done = await tx.importRow.updateMany({
        where: {
          jobId,
          rowNumber: row.rowNumber,
          ...(row.decision === "SKIP" ? {} : { values: { not: Prisma.DbNull } }),
        },
        data: { decision: row.decision },
      });
      if (done.count === 0)
        return { ok: false as const, fieldErrors: { [`rows.${row.rowNumber}`]: "importRowErrors" } };
      changed += 1;
    }
    return { ok: true as const, jobId, changed };
  });
}

export async function startImport(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  kind: ImportKind = "LEADS",
): Promise<ImportStepResult> {
  assertImporter(viewer, kind);
  const parsed = importStartSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { jobId, keepFile } = parsed.data;
  const changed = await db.importJob.updateMany({
    where: { id: jobId, kind, status: "PREVIEW" },
    data: {
      status: "RUNNING",
      keepFile,
      startedAt: new Date(),
      processedRows: 0,
      claimedUntil: null,
      attempts: 0,
    },
  });
  if (changed.count === 0) return (await db.importJob.count({ where: { id: jobId, kind } })) ? wrongState : notFound;
  wakeImportRunner();
  return { ok: true, jobId };
}

/** Before the writing starts an import can be dropped: its rows and its file go, the job stays as CANCELLED. */
export async function cancelImport(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  kind: ImportKind = "LEADS",
): Promise<ImportStepResult> {
  assertImporter(viewer, kind);
  const parsed = importJobSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { jobId } = parsed.data;
  return db.$transaction(async (tx) => {
    const changed = await tx.importJob.updateMany({
      where: { id: jobId, kind, status: { in: ["MAPPING", "ANALYSING", "PREVIEW"] } },
      data: {
        status: "CANCELLED",
        file: null,
        samples: Prisma.DbNull,
        keepFile: false,
        claimedUntil: null,
        finishedAt: new Date(),
      },
    });
    if (changed.count === 0) return (await tx.importJob.count({ where: { id: jobId, kind } })) ? wrongState : notFound;
    await tx.importRow.deleteMany({ where: { jobId } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "import.cancel",
      entityType: "ImportJob",
      entityId: jobId,
      details: { fileName: await fileNameOf(tx, jobId) },
    });
    return { ok: true as const, jobId };
  });
}

/** Drops a file kept after its job (or never kept: then nothing changes and the answer is still ok). */
export async function dropImportFile(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  kind: ImportKind = "LEADS",
): Promise<ImportStepResult> {
  assertImporter(viewer, kind);
  const parsed = importJobSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { jobId } = parsed.data;
  return db.$transaction(async (tx) => {
    const changed = await tx.importJob.updateMany({
      where: { id: jobId, kind, status: { in: ["DONE", "FAILED", "UNDONE"] }, file: { not: null } },
      data: { file: null, keepFile: false },
    });
    if (changed.count === 0) return (await tx.importJob.count({ where: { id: jobId, kind } })) ? wrongState : notFound;
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "import.drop_file",
      entityType: "ImportJob",
      entityId: jobId,
      details: { fileName: await fileNameOf(tx, jobId) },
    });
    return { ok: true as const, jobId };
  });
}

/**
 * An erasure (lib/leads/erase) reaches the imports too: the rows that created, joined or named the
 * person (by lead, or by one of their phones anywhere in the row) lose their cells, values and undo
 * record — their reason is a message key and stays — and the files of those jobs are dropped.
 */
export async function forgetImportedPerson(
  tx: Prisma.TransactionClient,
  leadIds: string[],
  phones: string[],
): Promise<void> {
  const rows = await tx.$queryRaw<{ jobId: string }[]>`
    UPDATE "ImportRow" SET "cells" = '[]'::jsonb, "values" = NULL, "before" = NULL
    WHERE "leadId" = ANY(${leadIds}::text[]) OR "matchLeadId" = ANY(${leadIds}::text[])
      OR EXISTS (SELECT 1 FROM unnest(${phones}::text[]) AS p WHERE strpos("cells"::text, p) > 0)
      OR "values"->>'phone' = ANY(${phones}::text[])
    RETURNING "jobId"`;
  const jobIds = [...new Set(rows.map((row) => row.jobId))];
  if (jobIds.length) {
    await tx.importJob.updateMany({ where: { id: { in: jobIds } }, data: { file: null, keepFile: false } });
  }
  // A file still waiting for its mapping has no rows to search: it may name the person anywhere, so it
  // is dropped with its samples and the admin uploads it again (the analysis will not find the erased lead).
  await tx.importJob.updateMany({
    where: { status: "MAPPING" },
    data: { status: "CANCELLED", file: null, samples: Prisma.DbNull, keepFile: false, finishedAt: new Date() },
  });
}
