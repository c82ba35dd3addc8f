import "server-only";
import type { Prisma } from "../db/generated/client";

type Tx = Prisma.TransactionClient;

/** What counts as answering a new lead: any contact staff log, or moving it on. */
const RESPONSES = new Set(["NOTE", "CALL", "VISIT", "EMAIL", "STAGE"]);

/**
 * Adds a line to a lead's timeline and keeps the lead's "last activity" and first response in
 * step. Call it inside the transaction of the change it records.
 */
export async function recordActivity(
  tx: Tx,
  entry: {
    leadId: string;
    actorId: string | null;
    kind: Prisma.ActivityCreateManyInput["kind"];
    body?: string | null;
    details?: Prisma.InputJsonValue;
    occurredAt?: Date;
  },
): Promise<{ id: string }> {
  const occurredAt = entry.occurredAt ?? new Date();
  const activity = await tx.activity.create({
    data: { leadId: entry.leadId, actorId: entry.actorId, kind: entry.kind, body: entry.body ?? null, details: entry.details, occurredAt },
    select: { id: true },
  });
  // A back-dated entry never moves "last activity" back, and never counts as a response before the
  // lead existed or later than when it was actually logged.
  await tx.$executeRaw`
    UPDATE "Lead" SET "lastActivityAt" = GREATEST("lastActivityAt", ${occurredAt}::timestamptz),
      "firstRespondedAt" = CASE WHEN "firstRespondedAt" IS NULL AND ${RESPONSES.has(entry.kind) && entry.actorId !== null}
        THEN LEAST(GREATEST(${occurredAt}::timestamptz, "createdAt"), now()) ELSE "firstRespondedAt" END
    WHERE "id" = ${entry.leadId}`;
  return activity;
}

/** Re-reads the earliest open task of a lead into lead.nextFollowUpAt; call after any task change. */
export async function refreshNextFollowUp(tx: Tx, leadId: string): Promise<void> {
  const next = await tx.task.findFirst({ where: { leadId, doneAt: null }, orderBy: { dueAt: "asc" }, select: { dueAt: true } });
  await tx.lead.update({ where: { id: leadId }, data: { nextFollowUpAt: next?.dueAt ?? null } });
}
