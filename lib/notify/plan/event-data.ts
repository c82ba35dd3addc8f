import type { OutboxEvent } from "../../db/generated/client";

/*
 * The ids and flags an event carries in `data` (lib/outbox/events.ts says which kind carries what).
 * Read leniently: a field of the wrong type reads as absent, and the kind's rule decides whether it
 * can do without it.
 */
export interface EventData {
  newLead?: boolean;
  toOwnerId?: string;
  channelId?: string;
  userId?: string;
  requestId?: string;
  /** a stage move's stage keys, and whether it signed (lead.stage_changed) */
  from?: string;
  to?: string;
  signed?: boolean;
  subscriptionId?: string;
  /** a unit's hold (unit.hold_expiring, unit.hold_expired), and the expiry a reminder was written for */
  holdId?: string;
  expiresAt?: string;
  /** a project's milestone (project.milestone_due, project.milestone_late) and the planned day it was written for */
  milestoneId?: string;
  plannedOn?: string;
  /** a 督办 item (supervision.*) */
  supervisionId?: string;
}

export function eventData(event: Pick<OutboxEvent, "data">): EventData | null {
  const data = event.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const read: EventData = {};
  if (typeof data.newLead === "boolean") read.newLead = data.newLead;
  if (typeof data.signed === "boolean") read.signed = data.signed;
  for (const key of [
    "toOwnerId",
    "channelId",
    "userId",
    "requestId",
    "from",
    "to",
    "subscriptionId",
    "holdId",
    "expiresAt",
    "milestoneId",
    "plannedOn",
    "supervisionId",
  ] as const) {
    const value = data[key];
    if (typeof value === "string" && value !== "") read[key] = value;
  }
  return read;
}
