import "server-only";
import { Decimal } from "decimal.js";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { managesProjects, PROJECT_READERS } from "../access";
import { lockWorkableProject, touchProject, type LockedProject } from "../scope";
import { deleteFundingSchema, fundingEntrySchema, fundingPlanSchema } from "./schema";

/*
 * 到资: the schedule saved as a whole list, payments added one at a time and deleted by their recorder or a
 * manager. Staff work their own projects only (lockWorkableProject), a terminated project is read-only, and
 * each change is audited on the project with its figures (never a note's text).
 */

type Tx = Prisma.TransactionClient;
type Refused = { ok: false; fieldErrors: FieldErrors };
export type FundingPlanResult = { ok: true; changed: boolean; version: number } | Refused;
export type FundingResult = { ok: true } | Refused;

const NOT_FOUND: Refused = { ok: false, fieldErrors: { projectId: "notFound" } };
const TERMINATED: Refused = { ok: false, fieldErrors: { projectId: "terminated" } };
const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
const total = (amounts: readonly { toString(): string }[]) =>
  amounts.reduce<Decimal>((sum, value) => sum.plus(value.toString()), new Decimal(0)).toString();

/** The project locked for the change, or why it cannot change. */
async function workable(tx: Tx, viewer: Viewer, projectId: string): Promise<LockedProject | Refused> {
  const project = await lockWorkableProject(tx, viewer, projectId);
  if (!project) return NOT_FOUND;
  if (project.status === "TERMINATED") return TERMINATED;
  return project;
}
const refused = (value: LockedProject | Refused): value is Refused => "ok" in value;

/**
 * Replaces the project's 到资 schedule with the list given (sorted by day). The form sends the project's
 * version as it loaded it: a project changed since answers versionChanged and keeps its schedule.
 */
export async function saveFundingPlan(db: Database, viewer: Viewer | null, input: unknown): Promise<FundingPlanResult> {
  assertRole(viewer, PROJECT_READERS, "record 到资");
  const parsed = fundingPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, version, rows } = parsed.data;
  const wanted = [...rows].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return db.$transaction(async (tx): Promise<FundingPlanResult> => {
    const project = await workable(tx, viewer, projectId);
    if (refused(project)) return project;
    if (project.version !== version) return { ok: false, fieldErrors: { version: "versionChanged" } };
    const before = await tx.projectFundingPlan.findMany({
      where: { projectId },
      orderBy: { dueOn: "asc" },
      select: { dueOn: true, amount: true },
    });
    const same =
      before.length === wanted.length &&
      before.every(
        (row, index) =>
          row.dueOn.getTime() === day(wanted[index].dueOn).getTime() && row.amount.equals(wanted[index].amount),
      );
    if (same) return { ok: true, changed: false, version: project.version };
    await tx.projectFundingPlan.deleteMany({ where: { projectId } });
    await tx.projectFundingPlan.createMany({
      data: wanted.map((row) => ({ projectId, dueOn: day(row.dueOn), amount: row.amount })),
    });
    const next = await touchProject(tx, projectId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.funding_plan",
      entityType: "Project",
      entityId: projectId,
      details: {
        leadId: project.leadId,
        instalments: [before.length, wanted.length],
        scheduledTotal: [total(before.map((row) => row.amount)), total(wanted.map((row) => row.amount))],
      },
    });
    return { ok: true, changed: true, version: next };
  });
}

/** Records a payment that arrived (实际到资). */
export async function addFunding(db: Database, viewer: Viewer | null, input: unknown): Promise<FundingResult> {
  assertRole(viewer, PROJECT_READERS, "record 到资");
  const parsed = fundingEntrySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { projectId, paidOn, amount, note } = parsed.data;
  return db.$transaction(async (tx): Promise<FundingResult> => {
    const project = await workable(tx, viewer, projectId);
    if (refused(project)) return project;
    await tx.projectFunding.create({
      data: { projectId, paidOn: day(paidOn), amount, note: note ?? null, recordedById: viewer.id },
    });
    await touchProject(tx, projectId);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.funding_add",
      entityType: "Project",
      entityId: projectId,
      details: { leadId: project.leadId, paidOn, amount },
    });
    return { ok: true };
  });
}

/** Deletes a payment: its recorder may, and a manager or admin; another officer's entry reads "entryNotYours". */
export async function deleteFunding(db: Database, viewer: Viewer | null, input: unknown): Promise<FundingResult> {
  assertRole(viewer, PROJECT_READERS, "record 到资");
  const parsed = deleteFundingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { fundingId } = parsed.data;
  const found = await db.projectFunding.findUnique({ where: { id: fundingId }, select: { projectId: true } });
  if (!found) return { ok: false, fieldErrors: { fundingId: "notFound" } };
  return db.$transaction(async (tx): Promise<FundingResult> => {
    const project = await workable(tx, viewer, found.projectId);
    if (refused(project)) return project;
    // Read again under the project's lock: a second delete of the same entry finds it gone.
    const entry = await tx.projectFunding.findFirst({
      where: { id: fundingId, projectId: project.id },
      select: { paidOn: true, amount: true, recordedById: true },
    });
    if (!entry) return { ok: false, fieldErrors: { fundingId: "notFound" } };
    if (!managesProjects(viewer) && entry.recordedById !== viewer.id)
      return { ok: false, fieldErrors: { fundingId: "entryNotYours" } };
    await tx.projectFunding.delete({ where: { id: fundingId } });
    await touchProject(tx, project.id);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "project.funding_delete",
      entityType: "Project",
      entityId: project.id,
      details: {
        leadId: project.leadId,
        paidOn: entry.paidOn.toISOString().slice(0, 10),
        amount: entry.amount.toString(),
      },
    });
    return { ok: true };
  });
}
