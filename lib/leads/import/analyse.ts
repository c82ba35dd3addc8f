import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { INVENTORY_MANAGERS } from "../../inventory/access";
import { analyseUnitRows, unitKeyOf, type UnitAnalysisJob } from "../../inventory/import";
import { unitHeaderRecognition } from "./columns";
import { holdLease, type Claim } from "./lease";
import { readImportFile } from "./file";
import { loadImportLookups } from "./lookups";
import { matchImportRows } from "./match";
import { parseImportRow } from "./row";
import type { ImportMapping, ImportSheet } from "./types";

/*
 * The analysis step: every row of the file read with the confirmed mapping, checked with the
 * form's rules, matched against the workspace's leads, and written to ImportRow with what it is
 * proposed to do. Chunk by chunk, each in its own transaction; a runner that takes over an
 * unfinished step reads the file again and starts after the last row written. A units job's rows are
 * read and matched by lib/inventory/import instead.
 */

export const ANALYSE_CHUNK_ROWS = 1_000;

/** The step's state, kept by the runner between the chunks of one claim. */
export interface Analysis {
  sheet: ImportSheet;
  mapping: ImportMapping;
  /** the sheet's index of the next row to read */
  next: number;
  /** a phone → the first row of the file that has it */
  phones: Map<string, number>;
  /** a units job: its park and reading rules, and building + number → the first row of the file that has it */
  units: { job: UnitAnalysisJob; seen: Map<string, number> } | null;
}

export class ImportFileGone extends Error {
  constructor() {
    super("the import's file is no longer kept");
    this.name = "ImportFileGone";
  }
}

export async function openAnalysis(db: Database, jobId: string): Promise<Analysis> {
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: {
      file: true,
      fileName: true,
      mapping: true,
      kind: true,
      parkId: true,
      headers: true,
      createdBy: { select: { role: true } },
    },
  });
  if (!job.file) throw new ImportFileGone();
  const sheet = await readImportFile(
    new Uint8Array(job.file),
    job.fileName,
    job.kind === "UNITS" ? { header: await unitHeaderRecognition(db) } : undefined,
  );
  const written = await db.$queryRaw<
    { rowNumber: number; phone: string | null; building: string | null; number: string | null }[]
  >`
    SELECT "rowNumber", "values"->>'phone' AS "phone", "values"->>'building' AS "building",
      "values"->>'number' AS "number"
    FROM "ImportRow" WHERE "jobId" = ${jobId} ORDER BY "rowNumber"`;
  const phones = new Map<string, number>();
  for (const row of written) if (row.phone && !phones.has(row.phone)) phones.set(row.phone, row.rowNumber);
  let units: Analysis["units"] = null;
  if (job.kind === "UNITS" && job.parkId) {
    const seen = new Map<string, number>();
    for (const row of written) {
      const key = unitKeyOf(row);
      if (key && !seen.has(key)) seen.set(key, row.rowNumber);
    }
    const unitJob: UnitAnalysisJob = {
      id: jobId,
      parkId: job.parkId,
      headers: job.headers as string[],
      mapping: (job.mapping ?? {}) as UnitAnalysisJob["mapping"],
      // 底价 is read only from a file its importer may set it with.
      setsFloorPrice: INVENTORY_MANAGERS.includes(job.createdBy.role),
    };
    units = { job: unitJob, seen };
  }
  const last = written.at(-1)?.rowNumber ?? 0;
  const next = sheet.rows.findIndex((row) => row.rowNumber > last);
  return {
    sheet,
    mapping: (job.mapping ?? {}) as ImportMapping,
    next: next === -1 ? sheet.rows.length : next,
    phones,
    units,
  };
}

/** Reads, checks and writes the next chunk; true when the step has finished (the job is then PREVIEW). */
export async function analyseChunk(
  db: Database,
  claim: Claim,
  analysis: Analysis,
  size = ANALYSE_CHUNK_ROWS,
): Promise<boolean> {
  const rows = analysis.sheet.rows.slice(analysis.next, analysis.next + size);
  if (analysis.units) {
    const seen = new Map(analysis.units.seen);
    const data = await analyseUnitRows(db, analysis.units.job, rows, seen);
    const finished = await writeAnalysed(db, claim, analysis, data);
    analysis.units.seen = seen;
    return finished;
  }
  const lookups = await loadImportLookups(db);
  const parsed = rows.map((row) => parseImportRow(row.cells, analysis.mapping, lookups));
  const valid = parsed.flatMap((row) => (row.ok ? [row.values] : []));
  const matches = await matchImportRows(
    db,
    valid.map((values) => ({ phone: values.phone, company: values.company })),
  );
  const phones = new Map(analysis.phones);
  let matchIndex = 0;
  const data = rows.map((row, index): Prisma.ImportRowCreateManyInput => {
    const result = parsed[index];
    const base = { jobId: claim.jobId, rowNumber: row.rowNumber, cells: row.cells };
    if (!result.ok) return { ...base, values: Prisma.DbNull, errors: result.errors, proposal: "SKIP" };
    const match = matches[matchIndex++];
    const values = result.values as unknown as Prisma.InputJsonValue;
    const earlier = phones.get(result.values.phone);
    if (earlier === undefined) phones.set(result.values.phone, row.rowNumber);
    return {
      ...base,
      values,
      errors: Prisma.DbNull,
      matchLeadId: match?.leadId ?? null,
      matchBy: match?.by ?? null,
      proposal: earlier !== undefined ? "SKIP" : match ? "MERGE" : "CREATE",
      reason: earlier !== undefined ? `repeatOf:${earlier}` : null,
    };
  });
  const finished = await writeAnalysed(db, claim, analysis, data);
  analysis.phones = phones;
  return finished;
}

/** Writes a chunk's analysed rows with the job's progress, in one transaction under the runner's lease. */
async function writeAnalysed(
  db: Database,
  claim: Claim,
  analysis: Analysis,
  data: Prisma.ImportRowCreateManyInput[],
): Promise<boolean> {
  const next = analysis.next + data.length;
  const finished = next >= analysis.sheet.rows.length;
  claim.lease = await db.$transaction(async (tx) => {
    const lease = await holdLease(tx, claim);
    // A row written by a runner that lost the job midway is kept: the rows are the same either way.
    if (data.length) await tx.importRow.createMany({ data, skipDuplicates: true });
    await tx.importJob.update({
      where: { id: claim.jobId },
      data: finished
        ? { processedRows: next, status: "PREVIEW", claimedUntil: null, attempts: 0 }
        : { processedRows: next },
    });
    return lease;
  });
  analysis.next = next;
  return finished;
}
