import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { env } from "../../env";
import { fieldErrorsOf } from "../../forms/field-errors";
import { notificationsOn, recordEvents } from "../../outbox/events";
import { wakeWorker } from "../../outbox/wake";
import { MAIL_SERVER_KEY } from "../settings";
import { storedMailServer } from "./mail-server";
import type { AdminResult } from "./mutations";
import { channelIdSchema } from "./schema";

/*
 * An admin's test of a channel or of the mail server: a 'channel.test' event through the outbox, so it
 * travels exactly as a real notification does and its result (the vendor's answer) lands in the
 * delivery log. The worker is woken, so the answer is there within a second or two.
 */

export async function sendChannelTest(db: Database, viewer: Viewer | null, input: unknown): Promise<AdminResult> {
  assertRole(viewer, ["ADMIN"], "test notification channels");
  const parsed = channelIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { channelId } = parsed.data;
  if (!notificationsOn()) return { ok: false, fieldErrors: { form: "notifyOff" } };
  const result = await db.$transaction(async (tx) => {
    const channel = await tx.notifyChannel.findUnique({ where: { id: channelId }, select: { active: true } });
    if (!channel) return { ok: false as const, fieldErrors: { channelId: "notFound" } };
    if (!channel.active) return { ok: false as const, fieldErrors: { channelId: "channelInactive" } };
    await recordEvents(tx, [{ kind: "channel.test", actorId: viewer.id, data: { channelId } }]);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "channel.test",
      entityType: "NotifyChannel",
      entityId: channelId,
    });
    return { ok: true as const };
  });
  if (result.ok) wakeWorker();
  return result;
}

/** A test mail to the admin asking, through the mail server that applies (the saved one, else the environment's). */
export async function sendTestMail(db: Database, viewer: Viewer | null): Promise<AdminResult> {
  assertRole(viewer, ["ADMIN"], "test the mail server");
  if (!notificationsOn()) return { ok: false, fieldErrors: { form: "notifyOff" } };
  const result = await db.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: MAIL_SERVER_KEY }, select: { value: true } });
    const config = env();
    if (!storedMailServer(row?.value) && !(config.PARKLEAD_SMTP_URL && config.PARKLEAD_MAIL_FROM))
      return { ok: false as const, fieldErrors: { form: "mailNotConfigured" } };
    await recordEvents(tx, [{ kind: "channel.test", actorId: viewer.id, data: { userId: viewer.id } }]);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "mail.test",
      entityType: "Setting",
      entityId: MAIL_SERVER_KEY,
    });
    return { ok: true as const };
  });
  if (result.ok) wakeWorker();
  return result;
}
