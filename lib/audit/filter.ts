import { z } from "zod";
import { isCalendarDay } from "../forms/fields";
import { parseAuditCursor } from "./cursor";

/*
 * The audit log's view from the URL: who acted, on which kind of record, between which days
 * (Asia/Shanghai), and the "older entries" cursor. A bad value is dropped rather than failing the page.
 */

/** The kinds of record the log names (vocabulary.entity keys), as AuditEntry.entityType stores them. */
export const auditEntities = {
  lead: "Lead",
  listing: "Listing",
  park: "Park",
  user: "User",
  stage: "Stage",
  lostReason: "LostReason",
  notifyChannel: "NotifyChannel",
  setting: "Setting",
  report: "Report",
  privacyRequest: "PrivacyRequest",
  webhookSubscription: "WebhookSubscription",
  project: "Project",
  supervision: "Supervision",
} as const;
export type AuditEntity = keyof typeof auditEntities;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const day = z.preprocess(first, z.string().trim().refine(isCalendarDay).optional().catch(undefined));

export const auditFilterSchema = z.object({
  actor: z.preprocess(
    first,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .optional()
      .catch(undefined),
  ),
  entity: z.preprocess(
    first,
    z
      .enum(Object.keys(auditEntities) as [AuditEntity, ...AuditEntity[]])
      .optional()
      .catch(undefined),
  ),
  from: day,
  to: day,
  before: z.preprocess(first, z.string().optional().catch(undefined)).transform(parseAuditCursor),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The log's URL for a view, with only the parameters that say something. */
export function auditHref(filter: Omit<AuditFilter, "before">, before?: { createdAt: Date; id: string }): string {
  const params = new URLSearchParams();
  for (const key of ["actor", "entity", "from", "to"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (before) params.set("before", `${before.createdAt.getTime()}~${before.id}`);
  const query = params.toString();
  return query ? `/crm/audit?${query}` : "/crm/audit";
}
