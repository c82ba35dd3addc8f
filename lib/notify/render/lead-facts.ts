import "server-only";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { formatWan } from "../../i18n/format";
import { needWords } from "../../inquiries/need-words";
import type { StaffWords } from "./staff";

/*
 * The lead facts a notification about a lead is made of, read for a batch of deliveries in three
 * queries: the leads (with owner and park), the events that caused the deliveries, and those
 * events' inquiries (for the reference the investor was given).
 */

export async function loadLeadFacts(db: Database, deliveries: Delivery[]) {
  const leadIds = [...new Set(deliveries.map((delivery) => delivery.leadId))].filter((id) => id !== null);
  const eventIds = [...new Set(deliveries.map((delivery) => delivery.eventId))];
  const [leads, events] = await Promise.all([
    db.lead.findMany({
      where: { id: { in: leadIds } },
      select: {
        id: true,
        company: true,
        contactName: true,
        phone: true,
        wechat: true,
        email: true,
        needDeal: true,
        needKind: true,
        needArea: true,
        needAreaUnit: true,
        expectedAnnualTax: true,
        stageKey: true,
        ownerId: true,
        firstResponseDueAt: true,
        firstRespondedAt: true,
        archivedAt: true,
        erasedAt: true,
        mergedIntoId: true,
        owner: { select: { name: true } },
        park: { select: { name: true } },
      },
    }),
    db.outboxEvent.findMany({
      where: { id: { in: eventIds } },
      select: { id: true, inquiryId: true, actorId: true, createdAt: true },
    }),
  ]);
  const inquiryIds = events.map((event) => event.inquiryId).filter((id) => id !== null);
  const inquiries = inquiryIds.length
    ? await db.inquiry.findMany({ where: { id: { in: inquiryIds } }, select: { id: true, reference: true } })
    : [];
  const references = new Map(inquiries.map((inquiry) => [inquiry.id, inquiry.reference]));
  return {
    leads: new Map(leads.map((lead) => [lead.id, lead])),
    events: new Map(
      events.map((event) => [
        event.id,
        { ...event, reference: event.inquiryId ? (references.get(event.inquiryId) ?? null) : null },
      ]),
    ),
  };
}

export type LeadFacts = Awaited<ReturnType<typeof loadLeadFacts>>;
export type FactLead = LeadFacts["leads"] extends Map<string, infer L> ? L : never;
export type FactEvent = LeadFacts["events"] extends Map<string, infer E> ? E : never;

/** What the lead asked for, where, and what it would bring: the lines every message about it starts with. */
export function needLines(lead: FactLead, words: StaffWords): string[] {
  const { t, locale, messages } = words;
  const lines = [t("line.company", { company: lead.company })];
  const { needDeal, needKind, needArea, needAreaUnit } = lead;
  if (needDeal && needKind && needArea && needAreaUnit)
    lines.push(t("line.need", { need: needWords({ needDeal, needKind, needArea, needAreaUnit }, locale, messages) }));
  if (lead.park) lines.push(t("line.park", { park: lead.park.name }));
  if (lead.expectedAnnualTax)
    lines.push(t("line.tax", { amount: formatWan(lead.expectedAnnualTax.toString(), locale) }));
  return lines;
}
