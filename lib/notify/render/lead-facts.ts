import "server-only";
import type { Database } from "../../db/client";
import type { Delivery, Lead } from "../../db/generated/client";
import { formatWan } from "../../i18n/format";
import { needWords } from "../../inquiries/need-words";
import type { StaffWords } from "./staff";

/*
 * The lead facts a notification about a lead is made of, read for a batch of deliveries in two
 * queries side by side: the leads with their owner's and park's names, and the events that caused
 * the deliveries with their inquiry's reference (the one the investor was given). Plain SQL: under a
 * stream of inquiries each pass reads a few hundred of each, and the ORM's relation reads and row
 * mapping cost twice as much CPU for the same rows.
 */

export type FactLead = Pick<
  Lead,
  | "id"
  | "company"
  | "contactName"
  | "phone"
  | "wechat"
  | "email"
  | "needDeal"
  | "needKind"
  | "needArea"
  | "needAreaUnit"
  | "expectedAnnualTax"
  | "stageKey"
  | "ownerId"
  | "firstResponseDueAt"
  | "firstRespondedAt"
  | "archivedAt"
  | "erasedAt"
  | "mergedIntoId"
> & { owner: { name: string } | null; park: { name: string } | null };

export interface FactEvent {
  id: string;
  inquiryId: string | null;
  actorId: string | null;
  createdAt: Date;
  reference: string | null;
}

export async function loadLeadFacts(db: Database, deliveries: Delivery[]) {
  const leadIds = [...new Set(deliveries.map((delivery) => delivery.leadId))].filter((id) => id !== null);
  const eventIds = [...new Set(deliveries.map((delivery) => delivery.eventId))];
  const [leads, events] = await Promise.all([
    leadIds.length
      ? db.$queryRaw<(Omit<FactLead, "owner" | "park"> & { ownerName: string | null; parkName: string | null })[]>`
          SELECT l."id", l."company", l."contactName", l."phone", l."wechat", l."email", l."needDeal", l."needKind",
            l."needArea", l."needAreaUnit", l."expectedAnnualTax", l."stageKey", l."ownerId", l."firstResponseDueAt",
            l."firstRespondedAt", l."archivedAt", l."erasedAt", l."mergedIntoId",
            o."name" AS "ownerName", p."name" AS "parkName"
          FROM "Lead" l LEFT JOIN "User" o ON o."id" = l."ownerId" LEFT JOIN "Park" p ON p."id" = l."parkId"
          WHERE l."id" = ANY(${leadIds}::text[])`
      : [],
    db.$queryRaw<FactEvent[]>`
      SELECT e."id", e."inquiryId", e."actorId", e."createdAt",
        -- A lookup per event: a join would be planned as a scan of every inquiry once the batch is large.
        (SELECT i."reference" FROM "Inquiry" i WHERE i."id" = e."inquiryId") AS "reference"
      FROM "OutboxEvent" e
      WHERE e."id" = ANY(${eventIds}::text[])`,
  ]);
  return {
    leads: new Map<string, FactLead>(
      leads.map(({ ownerName, parkName, ...lead }) => [
        lead.id,
        {
          ...lead,
          owner: ownerName === null ? null : { name: ownerName },
          park: parkName === null ? null : { name: parkName },
        },
      ]),
    ),
    events: new Map(events.map((event) => [event.id, event])),
  };
}

export type LeadFacts = Awaited<ReturnType<typeof loadLeadFacts>>;

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
