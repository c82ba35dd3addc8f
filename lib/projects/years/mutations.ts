import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { PROJECT_READERS } from "../access";
import { lockWorkableProject, touchProject } from "../scope";
import { yearOf } from "./queries";
import { projectYearSchema } from "./schema";

export type ProjectYearResult = { ok: true; changed: boolean } | { ok: false; fieldErrors: FieldErrors };

type Figure = string | number | null;

/**
 * Saves one year's actuals (upsert per project and year); a year whose three figures are all blank is removed.
 * The year must lie between the signing's and the current one (Shanghai). Staff work their own projects only; a
 * terminated project is read-only. Audited on the project with the figures that changed.
 */
export async function saveProjectYear(db: Database, viewer: Viewer | null, input: unknown): Promise<ProjectYearResult> {
  assertRole(viewer, PROJECT_READERS, "record yearly actuals");
  const parsed = projectYearSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, year } = parsed.data;
  const wanted = { output: parsed.data.output ?? null, tax: parsed.data.tax ?? null, jobs: parsed.data.jobs ?? null };
  return db.$transaction(async (tx): Promise<ProjectYearResult> => {
    const project = await lockWorkableProject(tx, viewer, projectId);
    if (!project) return { ok: false, fieldErrors: { projectId: "notFound" } };
    if (project.status === "TERMINATED") return { ok: false, fieldErrors: { projectId: "terminated" } };
    const [first, last] = [yearOf(project.signedAt), yearOf(new Date())];
    if (year < first) return { ok: false, fieldErrors: { year: `tooSmall:${first}` } };
    if (year > last) return { ok: false, fieldErrors: { year: `tooBig:${last}` } };
    const row = await tx.projectYear.findUnique({ where: { projectId_year: { projectId, year } } });
    const before: Record<keyof typeof wanted, Figure> = {
      output: row?.output?.toString() ?? null,
      tax: row?.tax?.toString() ?? null,
      jobs: row?.jobs ?? null,
    };
    const changes = Object.fromEntries(
      (Object.keys(wanted) as (keyof typeof wanted)[])
        .filter((field) => String(before[field]) !== String(wanted[field]))
        .map((field) => [field, [before[field], wanted[field]]]),
    );
    if (Object.keys(changes).length === 0) return { ok: true, changed: false };
    if (wanted.output === null && wanted.tax === null && wanted.jobs === null) {
      await tx.projectYear.delete({ where: { projectId_year: { projectId, year } } });
    } else {
      await tx.projectYear.upsert({
        where: { projectId_year: { projectId, year } },
        create: { projectId, year, ...wanted, recordedById: viewer.id },
        update: { ...wanted, recordedById: viewer.id },
      });
    }
    await touchProject(tx, projectId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.year",
      entityType: "Project",
      entityId: projectId,
      details: { leadId: project.leadId, year, ...changes },
    });
    return { ok: true, changed: true };
  });
}
