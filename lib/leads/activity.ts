import "server-only";
import type { Prisma } from "../db/generated/client";

type Tx = Prisma.TransactionClient;

/** What counts as answering a new lead: any contact staff log, or moving it on. */
const RESPONSES = new Set(["NOTE", "CALL", "VISIT", "EMAIL", "STAGE"]);

type Entry = {
  leadId: string;
  actorId: string | null;
  kind: Prisma.ActivityCreateManyInput["kind"];
  body?: string | null;
  details?: Prisma.InputJsonValue;
  occurredAt?: Date;
};

/**
 * Adds a line to a lead's timeline and keeps the lead's "last activity" and first response in
 * step. Call it inside the transaction of the change it records.
 */
export async function recordActivity(tx: Tx, entry: Entry): Promise<{ id: string }> {
  const occurredAt = entry.occurredAt ?? new Date();
  const activity = await tx.activity.create({
    data: {
      leadId: entry.leadId,
      actorId: entry.actorId,
      kind: entry.kind,
      body: entry.body ?? null,
      details: entry.details,
      occurredAt,
    },
    select: { id: true },
  });
  await touchLeads(tx, [entry.leadId], { actorId: entry.actorId, kind: entry.kind, occurredAt });
  return activity;
}

/**
 * The same for one change made to many leads at once (a bulk assign or stage move): one line on
 * each lead's timeline, all by the same person, of the same kind and time, written in two statements
 * whatever the number of leads.
 */
export async function recordActivities(
  tx: Tx,
  shared: { actorId: string | null; kind: Entry["kind"]; occurredAt: Date },
  lines: { leadId: string; details?: Prisma.InputJsonValue }[],
): Promise<void> {
  if (lines.length === 0) return;
  await tx.activity.createMany({
    data: lines.map((line) => ({ ...shared, leadId: line.leadId, body: null, details: line.details })),
  });
  await touchLeads(
    tx,
    lines.map((line) => line.leadId),
    shared,
  );
}

/**
 * A back-dated entry never moves "last activity" back, and never counts as a response before the
 * lead existed or later than when it was actually logged.
 */
async function touchLeads(
  tx: Tx,
  leadIds: string[],
  entry: { actorId: string | null; kind: Entry["kind"]; occurredAt: Date },
) {
  const responds = RESPONSES.has(entry.kind) && entry.actorId !== null;
  await tx.$executeRaw`
    UPDATE "Lead" SET "lastActivityAt" = GREATEST("lastActivityAt", ${entry.occurredAt}::timestamptz),
      "firstRespondedAt" = CASE WHEN "firstRespondedAt" IS NULL AND ${responds}
        THEN LEAST(GREATEST(${entry.occurredAt}::timestamptz, "createdAt"), now()) ELSE "firstRespondedAt" END
    WHERE "id" = ANY(${leadIds}::text[])`;
}

/** Re-reads the earliest open task of a lead into lead.nextFollowUpAt; call after any task change. */
export async function refreshNextFollowUp(tx: Tx, leadId: string): Promise<void> {
  const next = await tx.task.findFirst({
    where: { leadId, doneAt: null },
    orderBy: { dueAt: "asc" },
    select: { dueAt: true },
  });
  await tx.lead.update({ where: { id: leadId }, data: { nextFollowUpAt: next?.dueAt ?? null } });
}
