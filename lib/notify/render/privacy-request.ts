import "server-only";
import { createTranslator } from "use-intl/core";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { formatDateTime } from "../../i18n/format";
import { defaultLocale, loadMessages } from "../../i18n/messages";
import { publicUrl } from "../../http/public-url";
import type { Message } from "../message";
import { emailMessage } from "./email";

/*
 * An admin's mail about an investor's PIPL request (撤回同意 or 删除): what was asked, by when it
 * must be done, and the link to the request list. It names the lead's company only: the person's
 * own values stay in the workspace, behind the admin's sign-in.
 */

function requestIdOf(data: unknown): string | null {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const requestId = (data as Record<string, unknown>).requestId;
  return typeof requestId === "string" ? requestId : null;
}

export async function renderPrivacyRequests(
  db: Database,
  deliveries: Delivery[],
  // The request's own deadline is what the mail states; the sending time changes nothing in it.
  _now: Date,
): Promise<Map<string, Message | { skip: string }>> {
  const result = new Map<string, Message | { skip: string }>();
  const [events, users] = await Promise.all([
    db.outboxEvent.findMany({
      where: { id: { in: [...new Set(deliveries.map((delivery) => delivery.eventId))] } },
      select: { id: true, data: true },
    }),
    db.user.findMany({
      where: { id: { in: [...new Set(deliveries.map((delivery) => delivery.userId).filter((id) => id !== null))] } },
      select: { id: true, email: true, active: true, role: true },
    }),
  ]);
  const requestOf = new Map(events.map((event) => [event.id, requestIdOf(event.data)]));
  const requests = await db.privacyRequest.findMany({
    where: { id: { in: [...requestOf.values()].filter((id) => id !== null) } },
    select: { id: true, kind: true, status: true, dueAt: true, lead: { select: { company: true } } },
  });
  const requestById = new Map(requests.map((request) => [request.id, request]));
  const userById = new Map(users.map((user) => [user.id, user]));
  const locale = defaultLocale;
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "privacyRequests" });
  const link = publicUrl("/crm/privacy");

  for (const delivery of deliveries) {
    const user = delivery.userId ? userById.get(delivery.userId) : undefined;
    const requestId = requestOf.get(delivery.eventId);
    const request = requestId ? requestById.get(requestId) : undefined;
    if (!user || !user.active || user.role !== "ADMIN") {
      result.set(delivery.id, { skip: "recipient is no active admin" });
      continue;
    }
    if (!request) {
      result.set(delivery.id, { skip: "request not found" });
      continue;
    }
    if (request.status === "DONE") {
      result.set(delivery.id, { skip: "request already done" });
      continue;
    }
    const values = {
      company: request.lead.company,
      kind: t(`kind.${request.kind}`),
      due: formatDateTime(request.dueAt, locale),
    };
    result.set(
      delivery.id,
      emailMessage({
        to: user.email,
        subject: t("mail.subject", values),
        intro: t("mail.body", values),
        lines: [t(request.kind === "ERASE" ? "mail.eraseHint" : "mail.withdrawHint")],
        link: { label: t("mail.link"), url: link },
        footer: t("mail.footer"),
        deliveryId: delivery.id,
      }),
    );
  }
  return result;
}
