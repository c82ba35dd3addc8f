import "server-only";
import type { Database } from "../../db/client";
import { Prisma, type Delivery, type OutboxEvent } from "../../db/generated/client";

/*
 * FOR UPDATE SKIP LOCKED lets instances claim side by side without waiting on each other.
 * - Events are planned inside the transaction that locks them: the lock is the claim, and a worker
 *   that dies mid-plan leaves nothing behind (its transaction rolls back and the rows are free again).
 * - Deliveries are sent outside any transaction, so their claim is a lease written on the row:
 *   `claimedUntil` keeps it from the others until the lease passes (its worker died), when any
 *   instance takes it.
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

/**
 * Due events not done, oldest due first, locked for the caller's transaction (another instance skips
 * them); `only` narrows it to one event, for trying a failed batch's events one by one.
 */
export function lockDueEvents(
  tx: Prisma.TransactionClient,
  { now, limit }: Pick<Claim, "now" | "limit">,
  only?: string,
): Promise<OutboxEvent[]> {
  return tx.$queryRaw<OutboxEvent[]>`
    SELECT * FROM "OutboxEvent"
    WHERE "doneAt" IS NULL AND "dueAt" <= ${now} ${only === undefined ? Prisma.empty : Prisma.sql`AND "id" = ${only}`}
    ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
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
