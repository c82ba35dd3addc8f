import "server-only";
import { toShanghaiLocal } from "../../calendar/shanghai-time";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { publicUrl } from "../../http/public-url";
import { compiledTranslator } from "../../i18n/compiled-translator";
import type { Message } from "../message";
import { emailMessage } from "./email";
import { loadUsers, recipientSkip, staffWords } from "./staff";

/*
 * A hold of a unit expiring tomorrow, or released because it expired: an email to the holder (and, for
 * an expiry, to the lead's owner), written when it is sent from the hold as it is then. A reminder whose
 * hold was renewed, released or signed meanwhile is not sent. Units and companies are not personal data;
 * the investor's contacts never appear.
 */

type Rendered = Message | { skip: string };

export async function renderHoldMessages(db: Database, deliveries: Delivery[]): Promise<Map<string, Rendered>> {
  const [users, words, events] = await Promise.all([
    loadUsers(db, deliveries),
    staffWords(),
    db.outboxEvent.findMany({
      where: { id: { in: [...new Set(deliveries.map((delivery) => delivery.eventId))] } },
      select: { id: true, kind: true, data: true },
    }),
  ]);
  const t = compiledTranslator(words.locale, words.messages, "inventory");
  const about = new Map(
    events.map((event) => {
      const data = (event.data ?? {}) as { holdId?: unknown; expiresAt?: unknown };
      return [event.id, { kind: event.kind, holdId: String(data.holdId ?? ""), expiresAt: data.expiresAt }];
    }),
  );
  const holds = await db.unitHold.findMany({
    where: { id: { in: [...about.values()].map((event) => event.holdId) } },
    select: {
      id: true,
      leadId: true,
      expiresAt: true,
      endedAt: true,
      endReason: true,
      holder: { select: { name: true } },
      unit: { select: { number: true, building: { select: { name: true } } } },
      lead: { select: { company: true, erasedAt: true } },
    },
  });
  const byId = new Map(holds.map((hold) => [hold.id, hold]));
  const result = new Map<string, Rendered>();
  for (const delivery of deliveries) {
    const user = delivery.userId ? users.get(delivery.userId) : undefined;
    const problem = recipientSkip(user, delivery.topic);
    const event = about.get(delivery.eventId);
    const hold = event ? byId.get(event.holdId) : undefined;
    if (problem || !user || !event || !hold) {
      result.set(delivery.id, { skip: problem ?? "hold not found" });
      continue;
    }
    const expiring = event.kind === "unit.hold_expiring";
    if (expiring && (hold.endedAt || hold.expiresAt.toISOString() !== event.expiresAt)) {
      result.set(delivery.id, { skip: "hold renewed or ended" });
      continue;
    }
    if (hold.lead.erasedAt) {
      result.set(delivery.id, { skip: "lead erased" });
      continue;
    }
    const unit = `${hold.unit.building.name} ${hold.unit.number}`;
    const values = { unit, company: hold.lead.company };
    result.set(
      delivery.id,
      emailMessage({
        to: user.email,
        subject: t(expiring ? "holds.mail.expiringSubject" : "holds.mail.expiredSubject", values),
        intro: t(expiring ? "holds.mail.expiringIntro" : "holds.mail.expiredIntro"),
        lines: [
          t("holds.mail.unit", values),
          t("holds.mail.company", values),
          t("holds.mail.holder", { name: hold.holder.name }),
          t("holds.mail.expiresAt", { when: toShanghaiLocal(hold.expiresAt).replace("T", " ") }),
        ],
        link: { label: t("holds.mail.link"), url: publicUrl(`/crm/leads/${hold.leadId}`) },
        footer: words.t("footer"),
        deliveryId: delivery.id,
      }),
    );
  }
  return result;
}
