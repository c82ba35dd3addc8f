import "server-only";
import type { Database } from "../../db/client";

/** How long a key's request log is kept. */
export const REQUEST_LOG_RETENTION_DAYS = 30;
const PRUNE_BATCH = 5_000;
const PRUNE_BATCHES_PER_RUN = 20;
const PATH_LENGTH = 200;

export interface ApiRequest {
  keyId: string;
  method: string;
  /** the path only: a query string could hold a phone number */
  path: string;
  status: number;
  durationMs: number;
  at: Date;
  /** whether the key worked, so its last-used time moves */
  used: boolean;
}

/**
 * Writes the request's log row and, in the same statement, the key's last-used time, at most once a
 * minute per key: a busy key does not rewrite its row on every request.
 */
export async function recordApiRequest(db: Database, request: ApiRequest): Promise<void> {
  const at = request.at.toISOString();
  await db.$executeRaw`
    WITH logged AS (
      INSERT INTO "ApiRequestLog" ("keyId", "method", "path", "status", "durationMs", "createdAt")
      VALUES (${request.keyId}, ${request.method.slice(0, 10)}, ${request.path.slice(0, PATH_LENGTH)},
        ${request.status}, ${Math.max(0, Math.round(request.durationMs))}, ${at}::timestamptz)
    )
    UPDATE "ApiKey" SET "lastUsedAt" = ${at}::timestamptz
    WHERE "id" = ${request.keyId} AND ${request.used}
      AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${at}::timestamptz - interval '1 minute')`;
}

/** Drops log rows past the retention, in batches so no statement holds many rows locked at once. */
export async function pruneApiRequestLog(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - REQUEST_LOG_RETENTION_DAYS * 24 * 3_600_000);
  let pruned = 0;
  for (let batch = 0; batch < PRUNE_BATCHES_PER_RUN; batch++) {
    const deleted = await db.$executeRaw`
      DELETE FROM "ApiRequestLog" WHERE "id" IN (
        SELECT "id" FROM "ApiRequestLog" WHERE "createdAt" < ${cutoff} LIMIT ${PRUNE_BATCH}
      )`;
    pruned += deleted;
    if (deleted < PRUNE_BATCH) break;
  }
  return pruned;
}
