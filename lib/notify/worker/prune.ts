import "server-only";
import { pruneApiRequestLog } from "../../api/keys/mutations";
import type { Database } from "../../db/client";
import { pruneRateLimitCounters } from "../../limits/rate-limit";

/** How long finished deliveries and events stay for the delivery log. */
export const RETENTION_DAYS = 90;
const BATCH = 1_000;
/** Per run: a backlog is worked off over a few runs instead of one long burst of deletes. */
const BATCHES_PER_RUN = 20;

/**
 * Deletes finished deliveries (sent, skipped, dead) older than the retention, then done events left
 * with no delivery, in batches so no statement holds many rows locked at once.
 */
export async function prune(
  db: Database,
  now: Date,
): Promise<{ deliveries: number; events: number; apiRequests: number; rateLimitWindows: number }> {
  const cutoff = new Date(now.getTime() - RETENTION_DAYS * 24 * 3_600_000);
  let deliveries = 0;
  let events = 0;
  for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
    const deleted = await db.$executeRaw`
      DELETE FROM "Delivery" WHERE "id" IN (
        SELECT "id" FROM "Delivery"
        WHERE "createdAt" < ${cutoff} AND "status" IN ('SENT', 'SKIPPED', 'DEAD') LIMIT ${BATCH}
      )`;
    deliveries += deleted;
    if (deleted < BATCH) break;
  }
  for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
    const deleted = await db.$executeRaw`
      DELETE FROM "OutboxEvent" WHERE "id" IN (
        SELECT e."id" FROM "OutboxEvent" AS e
        WHERE e."doneAt" < ${cutoff} AND NOT EXISTS (SELECT 1 FROM "Delivery" AS d WHERE d."eventId" = e."id")
        LIMIT ${BATCH}
      )`;
    events += deleted;
    if (deleted < BATCH) break;
  }
  // The API keys' request log and past rate-limit windows (API keys count a window a minute) ride on this
  // hourly pass rather than a clock of their own.
  return {
    deliveries,
    events,
    apiRequests: await pruneApiRequestLog(db, now),
    rateLimitWindows: await pruneRateLimitCounters(db, now),
  };
}
