import "server-only";
import type { Database } from "../../db/client";
import type { Delivery, OutboxEvent } from "../../db/generated/client";

/*
 * Claims are leases written on the rows themselves: FOR UPDATE SKIP LOCKED lets instances claim side
 * by side without waiting on each other, and `claimedUntil` keeps a claimed row from the others after
 * the claiming transaction ends, until the lease passes (its worker died), when any instance takes it.
 * Each claim is one statement: a round trip per batch, whatever its size.
 */

export interface Claim {
  now: Date;
  leaseMs: number;
  limit: number;
}

export function leaseEnd({ now, leaseMs }: Claim): Date {
  return new Date(now.getTime() + leaseMs);
}

/** Due events not done and not held by a live claim, oldest due first. */
export function claimEvents(db: Database, claim: Claim): Promise<OutboxEvent[]> {
  const { now, limit } = claim;
  return db.$queryRaw<OutboxEvent[]>`
    UPDATE "OutboxEvent" AS e SET "claimedUntil" = ${leaseEnd(claim)}, "attempts" = e."attempts" + 1
    FROM (
      SELECT "id" FROM "OutboxEvent"
      WHERE "doneAt" IS NULL AND "dueAt" <= ${now} AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now})
      ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE e."id" = due."id"
    RETURNING e.*`;
}

/**
 * Deliveries due (new or waiting to retry), and those left SENDING by a worker whose lease passed:
 * it died mid-send, so whether the vendor got the message is unknown and it is sent again (the
 * delivery id travels with it, so a receiver can drop the repeat).
 */
export function claimDeliveries(db: Database, claim: Claim): Promise<Delivery[]> {
  const { now, limit } = claim;
  return db.$queryRaw<Delivery[]>`
    UPDATE "Delivery" AS d
    SET "status" = 'SENDING', "claimedUntil" = ${leaseEnd(claim)}, "attempts" = d."attempts" + 1, "updatedAt" = ${now}
    FROM (
      SELECT "id" FROM "Delivery"
      WHERE ("status" IN ('PENDING', 'RETRYING') AND "nextAttemptAt" <= ${now})
         OR ("status" = 'SENDING' AND "claimedUntil" < ${now})
      ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE d."id" = due."id"
    RETURNING d.*`;
}
