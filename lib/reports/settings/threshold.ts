import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf } from "../../forms/field-errors";
import type { SettingsResult } from "../../settings/mutations";
import { RESERVE_THRESHOLD_KEY, reserveThresholdSchema, storedReserveThreshold } from "./schema";

type Reader = Pick<Prisma.TransactionClient, "setting">;

/** The 项目储备库 threshold in 万元, read on every export so an admin's change applies at once on every instance. */
export async function readReserveThreshold(db: Reader): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: RESERVE_THRESHOLD_KEY }, select: { value: true } });
  return storedReserveThreshold.parse(row?.value);
}

/** Admins only; audited as a settings change with the value before and after. */
export async function updateReserveThreshold(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<SettingsResult> {
  assertRole(viewer, ["ADMIN"], "change the reserve threshold");
  const parsed = reserveThresholdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const after = parsed.data.threshold;
  return db.$transaction(async (tx) => {
    // The lock lib/settings takes: two admins saving at once queue, so each "before" is true.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
    const row = await tx.setting.findUnique({ where: { key: RESERVE_THRESHOLD_KEY }, select: { value: true } });
    const before = storedReserveThreshold.parse(row?.value);
    if (row && before === after) return { ok: true as const, changed: false };
    await tx.setting.upsert({
      where: { key: RESERVE_THRESHOLD_KEY },
      create: { key: RESERVE_THRESHOLD_KEY, value: after },
      update: { value: after },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: RESERVE_THRESHOLD_KEY,
      details: { before, after },
    });
    return { ok: true as const, changed: true };
  });
}
