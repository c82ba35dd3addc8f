import "server-only";
import { assertRole } from "../../auth/access";
import { SealBroken, unseal } from "../../auth/seal";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { env } from "../../env";
import { maskedText } from "../../leads/mask";
import { notificationsOn } from "../../outbox/events";
import { MAIL_SERVER_KEY, readNotifyRules } from "../settings";
import { maskChannelUrl } from "./channel-url";
import { storedMailServer } from "./mail-server";

/** A sealed value as the page may show it: masked, or null when this server's secret cannot open it. */
function shown(sealed: string, mask: (plain: string) => string): string | null {
  try {
    return mask(unseal(sealed));
  } catch (error) {
    if (error instanceof SealBroken) return null;
    throw error;
  }
}

/** An SMTP URL as the page may show it: the scheme and the host, never the user or the password. */
export function maskSmtpUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "…";
  }
}

/**
 * Everything the notifications page shows, admins only. Credentials come back masked (a robot's host
 * and its key's last four characters, an SMTP server's host) and never whole.
 */
export async function notificationSettings(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["ADMIN"], "read the notification settings");
  const [channels, parks, mailRow, rules] = await Promise.all([
    db.notifyChannel.findMany({
      orderBy: [{ fromEnv: "desc" }, { parkId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      select: {
        id: true,
        kind: true,
        name: true,
        parkId: true,
        park: { select: { name: true, nameEn: true } },
        urlSealed: true,
        secretSealed: true,
        active: true,
        fromEnv: true,
        failure: true,
        failedAt: true,
        _count: { select: { deliveries: true } },
      },
    }),
    db.park.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, nameEn: true } }),
    db.setting.findUnique({ where: { key: MAIL_SERVER_KEY }, select: { value: true } }),
    readNotifyRules(db),
  ]);
  const config = env();
  const mail = storedMailServer(mailRow?.value);
  return {
    notifyOn: notificationsOn(),
    channels: channels.map(({ urlSealed, secretSealed, _count, failure, ...channel }) => ({
      ...channel,
      // A vendor's refusal quotes the request at times: shown masked, like the delivery log's answers.
      failure: failure && maskedText(failure),
      url: shown(urlSealed, maskChannelUrl),
      hasSecret: secretSealed !== null,
      used: _count.deliveries > 0,
    })),
    parks,
    mail: {
      saved: mail && { from: mail.from, url: shown(mail.urlSealed, maskSmtpUrl) },
      env: {
        url: config.PARKLEAD_SMTP_URL ? maskSmtpUrl(config.PARKLEAD_SMTP_URL) : null,
        from: config.PARKLEAD_MAIL_FROM ?? null,
      },
    },
    rules,
  };
}
export type NotificationSettings = Awaited<ReturnType<typeof notificationSettings>>;
export type ChannelRow = NotificationSettings["channels"][number];
