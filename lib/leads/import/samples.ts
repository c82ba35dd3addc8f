import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { readImportFile } from "./file";
import { IMPORT_ROLES } from "./mutations";

/** How many data rows the mapping form shows under each header. */
export const IMPORT_SAMPLE_ROWS = 3;

/**
 * The first data rows of a job's file while its columns are being mapped, so the admin sees what each
 * column holds. Read from the uploaded file (the rows are only stored once the mapping is confirmed);
 * none once the file is gone.
 */
export async function importSamples(db: Database, viewer: Viewer | null, id: string): Promise<string[][]> {
  assertRole(viewer, IMPORT_ROLES, "see imports");
  const job = await db.importJob.findUnique({ where: { id }, select: { file: true, fileName: true, status: true } });
  if (!job?.file || job.status !== "MAPPING") return [];
  const sheet = await readImportFile(new Uint8Array(job.file), job.fileName);
  return sheet.rows.slice(0, IMPORT_SAMPLE_ROWS).map((row) => row.cells);
}
