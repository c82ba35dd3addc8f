import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { STAFF_EMAIL_TOPICS } from "../../notify/topics";
import { MANAGER_TOPICS, preferencesSchema } from "./schema";

export type PreferencesResult = { ok: true; changed: boolean } | { ok: false; fieldErrors: FieldErrors };

/**
 * Saves the viewer's own settings: there is no user id in the input, so nobody can change another
 * user's. The topics left unchecked are stored as muted; the audit entry says what changed, without the number.
 */
export async function saveOwnPreferences(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<PreferencesResult> {
  assertRole(viewer, ["STAFF", "MANAGER", "ADMIN"], "change their own settings");
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const workPhone = parsed.data.workPhone ?? null;
  const chosen = new Set<string>(parsed.data.emailTopics);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { workPhone: true, emailMuted: true },
    });
    // A staff member is not offered the digest, so their choice of it is kept as it is.
    const offered = (topic: string) => viewer.role !== "STAFF" || !MANAGER_TOPICS.includes(topic);
    const emailMuted = STAFF_EMAIL_TOPICS.filter((topic) =>
      offered(topic) ? !chosen.has(topic) : user.emailMuted.includes(topic),
    );
    const mutedBefore = STAFF_EMAIL_TOPICS.filter((topic) => user.emailMuted.includes(topic));
    const phoneChanged = workPhone !== user.workPhone;
    if (!phoneChanged && mutedBefore.join() === emailMuted.join()) return { ok: true as const, changed: false };
    await tx.user.update({ where: { id: viewer.id }, data: { workPhone, emailMuted } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "user.preferences",
      entityType: "User",
      entityId: viewer.id,
      details: { ...(phoneChanged ? { workPhone: workPhone ? "set" : "removed" } : {}), emailMuted },
    });
    return { ok: true as const, changed: true };
  });
}
