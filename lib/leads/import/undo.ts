import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf } from "../../forms/field-errors";
import { undoUnitRows } from "../../inventory/import";
import { recordActivities } from "../activity";
import { unfillLead, type Joined } from "./fill";
import type { ImportStepResult } from "./mutations";
import { UNDO_WINDOW_MS } from "./queries";
import { importJobSchema, importRolesOf, type ImportKind } from "./schema";

/*
 * Undoing an import as a whole, within a day of its end: the leads it created are archived (as an
 * archive by hand would: nothing deleted, restorable one by one), and the fields its joins filled
 * are emptied again where nobody has changed them since. One transaction: all of it or none.
 * A units import's rows are undone by lib/inventory/import (undoUnitRows).
 */

export async function undoImport(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
  kind: ImportKind = "LEADS",
): Promise<ImportStepResult & { archived?: number; reverted?: number; removed?: number; kept?: number }> {
  assertRole(viewer, importRolesOf(kind), "undo imports");
  const parsed = importJobSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { jobId } = parsed.data;
  return db.$transaction(
    async (tx) => {
      const [job] = await tx.$queryRaw<{ status: string; finishedAt: Date | null; fileName: string }[]>`
        SELECT "status"::text, "finishedAt", "fileName" FROM "ImportJob"
        WHERE "id" = ${jobId} AND "kind"::text = ${kind} FOR UPDATE`;
      if (!job) return { ok: false as const, fieldErrors: { jobId: "notFound" } };
      if (job.status !== "DONE" || !job.finishedAt)
        return { ok: false as const, fieldErrors: { jobId: "importState" } };
      if (now.getTime() - job.finishedAt.getTime() > UNDO_WINDOW_MS) {
        return { ok: false as const, fieldErrors: { jobId: "undoExpired" } };
      }
      if (kind === "UNITS") {
        const undone = await undoUnitRows(tx, jobId, viewer.id, now);
        await tx.importJob.update({
          where: { id: jobId },
          data: { status: "UNDONE", undoneAt: now, undoneById: viewer.id },
        });
        await recordAudit(tx, {
          actorId: viewer.id,
          action: "import.undo",
          entityType: "ImportJob",
          entityId: jobId,
          details: { fileName: job.fileName, kind, ...undone },
        });
        return { ok: true as const, jobId, ...undone };
      }
      const created = await tx.importRow.findMany({
        where: { jobId, result: "CREATED", leadId: { not: null } },
        select: { leadId: true },
      });
      const archive = await tx.lead.updateManyAndReturn({
        where: { id: { in: created.map((row) => row.leadId!) }, archivedAt: null, erasedAt: null, mergedIntoId: null },
        data: { archivedAt: now, version: { increment: 1 } },
        select: { id: true },
      });
      await recordActivities(
        tx,
        { actorId: viewer.id, kind: "ARCHIVE", occurredAt: now },
        archive.map((lead) => ({ leadId: lead.id, details: { archived: true } })),
      );
      const joins = await tx.importRow.findMany({
        where: { jobId, result: "MERGED", leadId: { not: null } },
        select: { leadId: true, rowNumber: true, before: true },
        orderBy: { rowNumber: "desc" },
      });
      let reverted = 0;
      for (const join of joins) {
        if (!join.before) continue;
        const fields = await unfillLead(tx, {
          leadId: join.leadId!,
          joined: join.before as unknown as Joined,
          rowNumber: join.rowNumber,
          fileName: job.fileName,
          actorId: viewer.id,
        });
        if (fields.length) reverted += 1;
      }
      await tx.importJob.update({
        where: { id: jobId },
        data: { status: "UNDONE", undoneAt: now, undoneById: viewer.id },
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "import.undo",
        entityType: "ImportJob",
        entityId: jobId,
        details: { fileName: job.fileName, archived: archive.length, reverted },
      });
      return { ok: true as const, jobId, archived: archive.length, reverted };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
