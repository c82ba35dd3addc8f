import "server-only";
import { recordAudit } from "../../audit/record";
import { shanghaiDay } from "../../calendar/shanghai-time";
import type { Database } from "../../db/client";
import { recordEvents } from "../../outbox/events";

/** Items escalated per transaction: short transactions, so a step taken on one meanwhile waits little. */
const BATCH = 200;

/**
 * The escalation sweep: every item of an active project that is not closed and whose due day (Shanghai) has
 * passed — unanswered, or answered but not closed — is escalated once: escalatedAt set, an ESCALATION entry, an
 * audit line by the system and the supervision.escalated event (to the assignee and the managers). Items are
 * claimed with FOR UPDATE SKIP LOCKED, so several instances sweeping at once share the work and never escalate
 * an item twice. The item's version stays: a form opened before the sweep still answers or closes it.
 * Returns how many it escalated.
 */
export async function escalateOverdue(db: Database, now: Date): Promise<number> {
  const today = shanghaiDay(now);
  const at = now.toISOString();
  let escalated = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<
        { id: string; projectId: string; leadId: string; status: string; dueOn: string }[]
      >`
        UPDATE "Supervision" s SET "escalatedAt" = ${at}::timestamptz AT TIME ZONE 'UTC',
          "updatedAt" = ${at}::timestamptz AT TIME ZONE 'UTC'
        FROM "Project" p
        WHERE p."id" = s."projectId" AND s."id" IN (
          SELECT c."id" FROM "Supervision" c JOIN "Project" cp ON cp."id" = c."projectId"
          WHERE c."status" <> 'CLOSED' AND c."escalatedAt" IS NULL AND c."dueOn" < ${today}::date
            AND cp."status" = 'ACTIVE'
          ORDER BY c."dueOn", c."id" LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED)
        RETURNING s."id", s."projectId", p."leadId", s."status"::text AS "status", s."dueOn"::text AS "dueOn"`;
      if (due.length === 0) return 0;
      await tx.supervisionEntry.createMany({
        data: due.map((item) => ({ supervisionId: item.id, kind: "ESCALATION" as const, createdAt: now })),
      });
      for (const item of due)
        await recordAudit(tx, {
          actorId: null,
          action: "supervision.escalate",
          entityType: "Supervision",
          entityId: item.id,
          details: { leadId: item.leadId, projectId: item.projectId, dueOn: item.dueOn, status: item.status },
        });
      await recordEvents(
        tx,
        due.map((item) => ({
          kind: "supervision.escalated" as const,
          leadId: item.leadId,
          data: { supervisionId: item.id },
        })),
      );
      return due.length;
    });
    escalated += count;
    if (count < BATCH) return escalated;
  }
}
