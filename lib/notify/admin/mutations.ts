import "server-only";
import { isDeepStrictEqual } from "node:util";
import { assertRole } from "../../auth/access";
import { seal, SealBroken, unseal } from "../../auth/seal";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { MAIL_SERVER_KEY, NOTIFY_RULES_KEY, notifyRulesSchema, readNotifyRules } from "../settings";
import { storedMailServer } from "./mail-server";
import { channelActiveSchema, channelIdSchema, channelSchema, mailServerSchema } from "./schema";

/*
 * The admin's changes to where notifications go. Credentials are sealed before they are stored and
 * never written to the audit log: an entry says that a URL, secret or password was replaced, not what
 * it is. The operator's channel (PARKLEAD_NOTIFY_URL) is read-only here; it follows the environment.
 */

export type AdminResult<T = object> = ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors };
type Tx = Prisma.TransactionClient;

const refused = (field: string, key: string) => ({ ok: false as const, fieldErrors: { [field]: key } });

/** Whether a sealed value still opens under this server's secret (it does not after the secret changed). */
function opens(sealed: string): boolean {
  try {
    unseal(sealed);
    return true;
  } catch (error) {
    if (error instanceof SealBroken) return false;
    throw error;
  }
}

/** The channel to change, locked until the transaction ends; refused when missing or the operator's. */
async function editableChannel(tx: Tx, channelId: string) {
  await tx.$queryRaw`SELECT id FROM "NotifyChannel" WHERE id = ${channelId} FOR UPDATE`;
  const channel = await tx.notifyChannel.findUnique({ where: { id: channelId } });
  if (!channel) return refused("channelId", "notFound");
  if (channel.fromEnv) return refused("channelId", "envChannel");
  return { ok: true as const, channel };
}

/** Adds a channel (no channelId) or changes one; a blank URL or secret keeps the stored one. */
export async function saveChannel(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<AdminResult<{ id: string; changed: boolean }>> {
  assertRole(viewer, ["ADMIN"], "configure notification channels");
  const parsed = channelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { channelId, kind, name, url, secret, clearSecret } = parsed.data;
  const parkId = parsed.data.parkId ?? null;
  const secretSealed = clearSecret ? null : secret ? seal(secret) : undefined;
  return db.$transaction(async (tx) => {
    if (parkId && !(await tx.park.findUnique({ where: { id: parkId }, select: { id: true } })))
      return refused("parkId", "notFound");
    if (!channelId) {
      const created = await tx.notifyChannel.create({
        data: { kind, name, parkId, urlSealed: seal(url!), secretSealed: secretSealed ?? null },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "channel.create",
        entityType: "NotifyChannel",
        entityId: created.id,
        details: { kind, name, parkId, secret: secretSealed ? "set" : "none" },
      });
      return { ok: true as const, id: created.id, changed: true };
    }
    const found = await editableChannel(tx, channelId);
    if (!found.ok) return found;
    const { channel } = found;
    // A URL sealed under a secret that has since changed cannot be sent to: it has to be typed again.
    if (!url && !opens(channel.urlSealed)) return refused("url", "sealBroken");
    const changes = {
      ...(kind !== channel.kind ? { kind: [channel.kind, kind] } : {}),
      ...(name !== channel.name ? { name: [channel.name, name] } : {}),
      ...(parkId !== channel.parkId ? { parkId: [channel.parkId, parkId] } : {}),
      ...(url ? { url: "replaced" } : {}),
      ...(secretSealed !== undefined && (secretSealed || channel.secretSealed)
        ? { secret: secretSealed ? "replaced" : "removed" }
        : {}),
    };
    if (Object.keys(changes).length === 0) return { ok: true as const, id: channel.id, changed: false };
    await tx.notifyChannel.update({
      where: { id: channel.id },
      // A new address is a new chance: the old address's refusal no longer says anything.
      data: {
        kind,
        name,
        parkId,
        secretSealed,
        ...(url ? { urlSealed: seal(url), failure: null, failedAt: null } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "channel.update",
      entityType: "NotifyChannel",
      entityId: channel.id,
      details: changes,
    });
    return { ok: true as const, id: channel.id, changed: true };
  });
}

/** Deactivates or reactivates a channel: a channel is never deleted once the log names it. */
export async function setChannelActive(db: Database, viewer: Viewer | null, input: unknown): Promise<AdminResult> {
  assertRole(viewer, ["ADMIN"], "configure notification channels");
  const parsed = channelActiveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { channelId, active } = parsed.data;
  return db.$transaction(async (tx) => {
    const found = await editableChannel(tx, channelId);
    if (!found.ok) return found;
    if (found.channel.active === active) return { ok: true as const };
    await tx.notifyChannel.update({ where: { id: channelId }, data: { active } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: active ? "channel.activate" : "channel.deactivate",
      entityType: "NotifyChannel",
      entityId: channelId,
    });
    return { ok: true as const };
  });
}

/** Deletes a channel nothing was ever sent to (a mistake just made); one with deliveries is deactivated instead. */
export async function deleteChannel(db: Database, viewer: Viewer | null, input: unknown): Promise<AdminResult> {
  assertRole(viewer, ["ADMIN"], "configure notification channels");
  const parsed = channelIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { channelId } = parsed.data;
  return db.$transaction(async (tx) => {
    // The row lock makes a delivery being planned for this channel wait (its foreign key checks the row).
    const found = await editableChannel(tx, channelId);
    if (!found.ok) return found;
    if ((await tx.delivery.count({ where: { channelId } })) > 0) return refused("channelId", "channelUsed");
    await tx.notifyChannel.delete({ where: { id: channelId } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "channel.delete",
      entityType: "NotifyChannel",
      entityId: channelId,
      details: { kind: found.channel.kind, name: found.channel.name },
    });
    return { ok: true as const };
  });
}

/** The workspace's mail server: the URL sealed (blank keeps the stored one), the sender as typed. */
export async function saveMailServer(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<AdminResult<{ changed: boolean }>> {
  assertRole(viewer, ["ADMIN"], "configure the mail server");
  const parsed = mailServerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { url, from } = parsed.data;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707372)`;
    const row = await tx.setting.findUnique({ where: { key: MAIL_SERVER_KEY }, select: { value: true } });
    const stored = storedMailServer(row?.value);
    if (!url && !stored) return refused("url", "required");
    if (!url && !opens(stored!.urlSealed)) return refused("url", "sealBroken");
    if (!url && stored!.from === from) return { ok: true as const, changed: false };
    const value = { urlSealed: url ? seal(url) : stored!.urlSealed, from };
    await tx.setting.upsert({
      where: { key: MAIL_SERVER_KEY },
      create: { key: MAIL_SERVER_KEY, value },
      update: { value },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: MAIL_SERVER_KEY,
      details: { from: [stored?.from ?? null, from], url: url ? "replaced" : "kept" },
    });
    return { ok: true as const, changed: true };
  });
}

/** When reminders, digests and task mails go out, and how often a delivery is tried. */
export async function saveNotifyRules(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<AdminResult<{ changed: boolean }>> {
  assertRole(viewer, ["ADMIN"], "change the notification rules");
  const parsed = notifyRulesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const value = parsed.data;
  return db.$transaction(async (tx) => {
    // The settings' lock (lib/settings/mutations.ts): each audit entry's "before" is true.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
    const stored = await tx.setting.findUnique({ where: { key: NOTIFY_RULES_KEY }, select: { key: true } });
    const before = await readNotifyRules(tx);
    if (stored && isDeepStrictEqual(before, value)) return { ok: true as const, changed: false };
    await tx.setting.upsert({
      where: { key: NOTIFY_RULES_KEY },
      create: { key: NOTIFY_RULES_KEY, value },
      update: { value },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "settings.update",
      entityType: "Setting",
      entityId: NOTIFY_RULES_KEY,
      details: { before, after: value },
    });
    return { ok: true as const, changed: true };
  });
}
