import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { importRolesOf, type ImportKind } from "./schema";

/**
 * The first data rows of a job's file while its columns are being mapped, so the admin sees what each
 * column holds: kept at upload (reading a 10 MB workbook again on every view would take seconds), and
 * dropped when the job leaves the mapping step.
 */
export async function importSamples(
  db: Database,
  viewer: Viewer | null,
  id: string,
  kind: ImportKind = "LEADS",
): Promise<string[][]> {
  assertRole(viewer, importRolesOf(kind), "see imports");
  const job = await db.importJob.findUnique({ where: { id, kind }, select: { samples: true, status: true } });
  if (!job || job.status !== "MAPPING" || !Array.isArray(job.samples)) return [];
  return job.samples as string[][];
}
