import { createHash, randomBytes } from "node:crypto";
import { queryE2eDatabase } from "./database";

/**
 * A working API key made straight in the journeys' database, as the admin's form stores it (the
 * SHA-256 of the key and its first 12 characters), with a few logged requests; returns its id and key.
 */
export async function seedApiKey(
  createdById: string,
  name = `对接测试 ${Date.now()}`,
): Promise<{ id: string; key: string }> {
  const key = `plk_${randomBytes(32).toString("base64url")}`;
  const id = `e2ekey${randomBytes(8).toString("hex")}`;
  await queryE2eDatabase(
    `INSERT INTO "ApiKey" ("id", "name", "prefix", "hash", "scopes", "rateLimit", "createdById")
      VALUES ($1, $2, $3, $4, $5, 120, $6)`,
    [
      id,
      name,
      key.slice(0, 12),
      createHash("sha256").update(key).digest("hex"),
      ["leads:read", "listings:read"],
      createdById,
    ],
  );
  await queryE2eDatabase(
    `INSERT INTO "ApiRequestLog" ("keyId", "method", "path", "status", "durationMs", "createdAt")
      SELECT $1, 'GET', '/api/v1/leads', s, 12, now() - (n || ' minutes')::interval
      FROM unnest(ARRAY[200, 200, 429, 403]) WITH ORDINALITY AS t(s, n)`,
    [id],
  );
  return { id, key };
}
