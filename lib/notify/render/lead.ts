import "server-only";
import { deadlineWords } from "../../calendar/deadline-words";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { formatDateTime } from "../../i18n/format";
import { publicUrl } from "../../http/public-url";
import { contactFor } from "../../leads/access";
import { maskedText, maskPhone } from "../../leads/mask";
import { readSettings } from "../../settings/queries";
import type { GroupMessage, Message, WebhookMessage } from "../message";
import { emailMessage } from "./email";
import { loadLeadFacts, needLines, type FactEvent, type FactLead } from "./lead-facts";
import { loadUsers, recipientSkip, staffWords, type StaffWords } from "./staff";

/*
 * Messages about one lead: a new lead, a further inquiry, the first-response reminder and
 * escalation, a reassignment. Rendered when sent, from the lead as it is then, so a lead erased,
 * merged away or answered in the meantime is skipped rather than announced.
 *
 * A group chat or webhook is read by many: it gets the company, the need and a masked phone, never
 * a full phone, email or WeChat ID. An email goes to one person and shows the contacts as the
 * workspace shows them to that person (the owner and managers in full: they are the ones to call).
 */

type LeadTopic = "new_lead" | "further_inquiry" | "response_reminder" | "response_overdue" | "reassigned";
type Rendered = Message | { skip: string };

export async function renderLeadMessages(
  db: Database,
  deliveries: Delivery[],
  now: Date,
): Promise<Map<string, Rendered>> {
  const [loaded, settings, words] = await Promise.all([loadLeadFacts(db, deliveries), readSettings(db), staffWords()]);
  const actors = [...loaded.events.values()].map((event) => event.actorId);
  const users = await loadUsers(db, deliveries, actors);
  const hours = settings.workingHours.firstResponseHours;
  const result = new Map<string, Rendered>();
  for (const delivery of deliveries) {
    const lead = delivery.leadId ? loaded.leads.get(delivery.leadId) : undefined;
    const event = loaded.events.get(delivery.eventId);
    const topic = delivery.topic as LeadTopic;
    const skip = leadSkip(lead, delivery);
    if (skip || !lead || !event) {
      result.set(delivery.id, { skip: skip ?? "event not found" });
      continue;
    }
    if (delivery.medium !== "EMAIL") {
      // Seen by many: even a number someone typed into the company's name is masked.
      const shown = { ...lead, company: maskedText(lead.company, lead) };
      const { facts, deadline } = factLines(shown, event, topic, words, now, hours);
      const group: GroupMessage = {
        medium: "GROUP",
        title: words.t(`subject.${topic}`, { company: shown.company }),
        lines: [
          introOf(topic, lead, words, undefined, true),
          ...facts,
          words.t("line.phone", { phone: maskPhone(lead.phone) }),
          ...deadline,
        ],
        link: { label: words.t(lead.ownerId ? "link.open" : "link.claim"), url: publicUrl(`/crm/leads/${lead.id}`) },
      };
      result.set(delivery.id, delivery.medium === "WEBHOOK" ? webhookOf(delivery, group, lead, event) : group);
      continue;
    }
    const user = delivery.userId ? users.get(delivery.userId) : undefined;
    const problem = recipientSkip(user, topic);
    if (problem || !user) {
      result.set(delivery.id, { skip: problem ?? "user not found" });
      continue;
    }
    const { facts, deadline } = factLines(lead, event, topic, words, now, hours);
    const actor = event.actorId ? users.get(event.actorId) : undefined;
    // One reader: the contacts as the workspace shows them to this person (the owner and managers in full).
    const shown = contactFor(user, lead);
    const contact = [
      words.t("line.contact", { name: shown.contactName }),
      words.t("line.phone", { phone: shown.phone }),
      ...(shown.wechat ? [words.t("line.wechat", { wechat: shown.wechat })] : []),
      ...(shown.email ? [words.t("line.email", { email: shown.email })] : []),
    ];
    result.set(
      delivery.id,
      emailMessage({
        to: user.email,
        subject: words.t(`subject.${topic}`, { company: lead.company }),
        intro: introOf(topic, lead, words, actor?.name, false),
        lines: [...facts, ...contact, ...deadline],
        link: { label: words.t("link.open"), url: publicUrl(`/crm/leads/${lead.id}`) },
        footer: words.t("footer"),
        deliveryId: delivery.id,
      }),
    );
  }
  return result;
}

function leadSkip(lead: FactLead | undefined, delivery: Delivery): string | null {
  if (!lead) return "lead not found";
  if (lead.erasedAt) return "lead erased";
  if (lead.mergedIntoId) return "lead merged into another";
  if (delivery.topic === "response_reminder" || delivery.topic === "response_overdue") {
    if (lead.firstRespondedAt) return "first response made";
    if (lead.archivedAt) return "lead archived";
  }
  if (delivery.topic === "reassigned" && lead.ownerId !== delivery.userId) return "lead has another owner now";
  return null;
}

/** The facts and the owner, and apart the deadline, which closes every message (an email's contacts go before it). */
function factLines(lead: FactLead, event: FactEvent, topic: LeadTopic, words: StaffWords, now: Date, hours: number) {
  const { t, locale } = words;
  const facts = [
    ...(event.reference ? [t("line.reference", { reference: event.reference })] : []),
    ...needLines(lead, words),
    lead.owner ? t("line.owner", { name: lead.owner.name }) : t("line.unassigned"),
  ];
  const due = lead.firstRespondedAt ? null : lead.firstResponseDueAt;
  if (!due) return { facts, deadline: [] };
  if (due <= now) return { facts, deadline: [t("line.overdue", { when: formatDateTime(due, locale) })] };
  // A new lead's promise is worded as the investor's receipt words it: "工作日 4 小时内，即 … 前".
  const when = deadlineWords(due, locale, topic === "new_lead" ? hours : undefined);
  return { facts, deadline: [t("line.respondBy", { when })] };
}

function introOf(topic: LeadTopic, lead: FactLead, words: StaffWords, actor: string | undefined, group: boolean) {
  const { t } = words;
  switch (topic) {
    case "new_lead":
      return group ? t(lead.ownerId ? "intro.new_lead_group" : "intro.new_lead_pool") : t("intro.new_lead");
    case "further_inquiry":
      return t(lead.ownerId ? "intro.further_inquiry" : "intro.further_inquiry_pool");
    case "reassigned":
      return actor ? t("intro.reassigned", { actor }) : t("intro.reassigned_rule");
    default:
      return t(`intro.${topic}`);
  }
}

function webhookOf(delivery: Delivery, group: GroupMessage, lead: FactLead, event: FactEvent): WebhookMessage {
  return {
    medium: "WEBHOOK",
    topic: delivery.topic,
    deliveryId: delivery.id,
    occurredAt: event.createdAt.toISOString(),
    data: {
      leadId: lead.id,
      inquiryId: event.inquiryId,
      reference: event.reference,
      park: lead.park?.name ?? null,
      needDeal: lead.needDeal,
      needKind: lead.needKind,
      needArea: lead.needArea?.toString() ?? null,
      needAreaUnit: lead.needAreaUnit,
      expectedAnnualTaxWan: lead.expectedAnnualTax?.toString() ?? null,
      stage: lead.stageKey,
      owner: lead.owner?.name ?? null,
      firstResponseDueAt: lead.firstRespondedAt ? null : (lead.firstResponseDueAt?.toISOString() ?? null),
      link: group.link?.url ?? null,
    },
    text: { title: group.title, lines: group.lines, link: group.link },
  };
}
