import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { shanghaiDay, shanghaiDayStart } from "../../calendar/shanghai-time";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { newApiKey } from "./authenticate";
import { apiKeyIdSchema, apiKeySchema } from "./schema";

/** For the hourly housekeeping (lib/notify/worker/prune.ts). */
export { pruneApiRequestLog } from "./log";

export type KeyResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };

const DAY_MS = 86_400_000;
const refused = (field: string, key: string) => ({ ok: false as const, fieldErrors: { [field]: key } });

/**
 * Makes a key and answers it whole, this once: only its hash and first characters are stored, so
 * nobody can show it again. It works through the end of its last day, Shanghai time.
 */
export async function createApiKey(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
): Promise<KeyResult<{ id: string; key: string }>> {
  assertRole(viewer, ["ADMIN"], "create API keys");
  const parsed = apiKeySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { name, scopes, expiresOn, rateLimit } = parsed.data;
  const parkId = parsed.data.parkId ?? null;
  if (expiresOn && expiresOn < shanghaiDay(now)) return refused("expiresOn", "pastDay");
  const expiresAt = expiresOn ? new Date(shanghaiDayStart(expiresOn).getTime() + DAY_MS) : null;
  const sortedScopes = [...new Set(scopes)].sort();
  // A prefix is 8 random characters after "plk_": two keys sharing one is all but impossible, and harmless to retry.
  for (let attempt = 0; ; attempt++) {
    const { key, prefix, hash } = newApiKey();
    try {
      return await db.$transaction(async (tx) => {
        if (parkId && !(await tx.park.findUnique({ where: { id: parkId }, select: { id: true } })))
          return refused("parkId", "notFound");
        const created = await tx.apiKey.create({
          data: { name, prefix, hash, scopes: sortedScopes, parkId, expiresAt, rateLimit, createdById: viewer.id },
          select: { id: true },
        });
        await recordAudit(tx, {
          actorId: viewer.id,
          action: "apiKey.create",
          entityType: "ApiKey",
          entityId: created.id,
          details: { name, prefix, scopes: sortedScopes, parkId, expiresOn: expiresOn ?? null, rateLimit },
        });
        return { ok: true as const, id: created.id, key };
      });
    } catch (error) {
      const taken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!taken || attempt >= 2) throw error;
    }
  }
}

/** Revokes a key at once: its next request is refused. Revoking a revoked key changes nothing. */
export async function revokeApiKey(db: Database, viewer: Viewer | null, input: unknown): Promise<KeyResult> {
  assertRole(viewer, ["ADMIN"], "revoke API keys");
  const parsed = apiKeyIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { keyId } = parsed.data;
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: keyId }, select: { name: true, prefix: true } });
    if (!key) return refused("keyId", "notFound");
    const { count } = await tx.apiKey.updateMany({
      where: { id: keyId, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: viewer.id },
    });
    if (count === 0) return { ok: true as const };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "apiKey.revoke",
      entityType: "ApiKey",
      entityId: keyId,
      details: { name: key.name, prefix: key.prefix },
    });
    return { ok: true as const };
  });
}
