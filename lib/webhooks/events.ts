/*
 * The events an outbound webhook subscription can ask for, and which of them an outbox event
 * (lib/outbox/events.ts) announces. Client-safe: the subscription form lists the names, and the
 * planner (lib/notify/plan) maps with the same table, so the two cannot disagree.
 */

export const WEBHOOK_EVENTS = [
  "lead.created",
  "inquiry.created",
  "lead.stage_changed",
  "lead.assigned",
  "lead.signed",
  "lead.erased",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What a subscription's test button sends: every subscription gets it, whatever it asked for. */
export const PING = "ping";
export type WebhookType = WebhookEvent | typeof PING;

export function isWebhookType(value: string): value is WebhookType {
  return value === PING || (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

type MessageKey<T extends string> = T extends `${infer Head}.${infer Tail}` ? `${Head}_${Tail}` : T;

/** A type's key in the "webhooks" catalogue: "lead.created" → "lead_created" (a dot would nest the key). */
export function webhookMessageKey<T extends WebhookType>(type: T): MessageKey<T> {
  return type.replace(".", "_") as MessageKey<T>;
}

/** The ids and flags of an outbox event that decide what it announces (read by lib/notify/plan/event-data.ts). */
export interface AnnouncedEvent {
  kind: string;
  newLead?: boolean;
  /** the lead got its owner from the intake statement itself (the lead's assignedAt is the event's time) */
  ownerAtIntake?: boolean;
  signed?: boolean;
}

/**
 * What an outbox event announces: a stored inquiry is inquiry.created (and lead.created with
 * lead.assigned when it started a lead that the intake gave an owner), a (re)assignment or a
 * claim is lead.assigned, a stage move lead.stage_changed (and lead.signed when it signed).
 */
export function webhookEventsOf(event: AnnouncedEvent): WebhookEvent[] {
  switch (event.kind) {
    case "inquiry.received":
      return event.newLead
        ? ["lead.created", "inquiry.created", ...(event.ownerAtIntake ? (["lead.assigned"] as const) : [])]
        : ["inquiry.created"];
    case "lead.reassigned":
      return ["lead.assigned"];
    case "lead.stage_changed":
      return event.signed ? ["lead.stage_changed", "lead.signed"] : ["lead.stage_changed"];
    case "lead.erased":
      return ["lead.erased"];
  }
  return [];
}
