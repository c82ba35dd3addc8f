import "server-only";
import type { Database } from "../../db/client";
import { recordEvents } from "../../outbox/events";
import { moveUnits } from "../status";

/** Units released per transaction: short transactions, so a hold being renewed meanwhile waits little. */
const BATCH = 200;

/**
 * The scheduler's sweep: every held unit whose expiry has passed goes back to vacant, its hold ends
 * EXPIRED, and the holder is told. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances
 * sweeping at once share the work and never release a unit twice; a renewal that locked the unit first
 * is skipped and its new expiry stands. Returns how many units were released.
 */
export async function expireHolds(db: Database, now: Date): Promise<number> {
  const at = now.toISOString();
  let released = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Unit"
        WHERE "status" = 'HELD' AND "heldUntil" <= ${at}::timestamptz AT TIME ZONE 'UTC'
        ORDER BY "heldUntil", "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return 0;
      const moved = await moveUnits(tx, {
        unitIds: due.map((unit) => unit.id),
        from: ["HELD"],
        to: "VACANT",
        leadId: null,
        actorId: null,
        now,
      });
      const ended = await tx.$queryRaw<{ id: string; leadId: string }[]>`
        UPDATE "UnitHold" SET "endedAt" = ${at}::timestamptz AT TIME ZONE 'UTC', "endReason" = 'EXPIRED'
        WHERE "unitId" = ANY(${moved.map((unit) => unit.id)}::text[]) AND "endedAt" IS NULL
        RETURNING "id", "leadId"`;
      await recordEvents(
        tx,
        ended.map((hold) => ({ kind: "unit.hold_expired" as const, leadId: hold.leadId, data: { holdId: hold.id } })),
      );
      return moved.length;
    });
    released += count;
    if (count < BATCH) return released;
  }
}
