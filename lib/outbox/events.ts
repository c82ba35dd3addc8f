import "server-only";
import type { Prisma } from "../db/generated/client";
import { newId } from "../db/ids";
import { env } from "../env";

/*
 * What happened, as the outbox records it. An event is written in the same transaction as the
 * change that caused it; the worker later turns it into deliveries (lib/notify/plan) when it is due.
 * `data` holds ids and flags only: never a person's values, so an erase has nothing to chase here.
 */
export const EVENT_KINDS = [
  /** an inquiry was stored; data: { newLead: boolean } */
  "inquiry.received",
  /** a lead's first-response deadline is near (dueAt = deadline − the configured lead time) */
  "response.reminder",
  /** a lead's first-response deadline passed (dueAt = the deadline) */
  "response.overdue",
  /** a lead was given to an officer, or one claimed it from the pool (toOwnerId = actorId); data: { toOwnerId } */
  "lead.reassigned",
  /**
   * a lead moved stage (a move on the board, a bulk move, the API); data: { from, to, category } (stage keys and
   * the new stage's category), and signed: true when it entered a won stage from one that is not
   */
  "lead.stage_changed",
  /** a lead's personal data was erased (outbound webhooks announce it, with no personal data) */
  "lead.erased",
  /** a working morning's follow-up tasks; dedupeKey tasks:<YYYY-MM-DD> */
  "tasks.due",
  /** a working day's digest for managers; dedupeKey digest:<YYYY-MM-DD> */
  "digest.daily",
  /** an investor's PIPL request; data: { requestId } */
  "privacy.requested",
  /** an admin's test message; data: { channelId } or { userId } for the mail server */
  "channel.test",
  /** an admin's test of an outbound webhook subscription (a ping); data: { subscriptionId } */
  "webhook.test",
  /** a hold of a unit (意向锁定) expires soon (dueAt = expiry − the configured hours); data: { holdId, expiresAt } */
  "unit.hold_expiring",
  /** the scheduler released a hold whose expiry passed; data: { holdId } */
  "unit.hold_expired",
  /**
   * a project's milestone is due within the warning days (dueAt = planned day − warnDays, 09:00 Shanghai);
   * data: { milestoneId, plannedOn } — sent only if that is still the plan and it is not done
   */
  "project.milestone_due",
  /** a project's milestone passed its planned day undone (dueAt = the day after, 09:00); data as milestone_due */
  "project.milestone_late",
  /** a 督办 item was opened; data: { supervisionId } (to the assignee) */
  "supervision.opened",
  /** the assignee answered a 督办 item; data: { supervisionId } (to whoever opened it) */
  "supervision.answered",
  /** a leader added a 批示 (or sent the item back); data: { supervisionId } (to the assignee) */
  "supervision.instructed",
  /** a 督办 item passed its day unclosed; data: { supervisionId } (to the assignee and every manager) */
  "supervision.escalated",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What stands in a delivery's answer once the person it was about is erased (a mail server may quote the address). */
export const ERASED_DELIVERY_ANSWER = "lead erased";

export interface OutboxEventInput {
  kind: EventKind;
  leadId?: string | null;
  inquiryId?: string | null;
  actorId?: string | null;
  data?: Prisma.InputJsonObject;
  dueAt?: Date;
  dedupeKey?: string;
}

/** PARKLEAD_NOTIFY=off turns the outbox off: nothing is written, the worker does not run. */
export function notificationsOn(): boolean {
  return env().PARKLEAD_NOTIFY === "on";
}

type OutboxWriter = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Records events in the caller's transaction (pass the transaction client). An event whose
 * dedupeKey is already recorded is skipped, so two instances scheduling the same digest write one.
 * One INSERT from arrays, with ids made here: Prisma's createMany costs ~0.13 ms of CPU a row (its
 * query is compiled with every value in it, and a cuid made per row), and the worker records two
 * follow-ups per new lead.
 */
export async function recordEvents(tx: OutboxWriter, events: OutboxEventInput[]): Promise<void> {
  if (!notificationsOn() || events.length === 0) return;
  const column = <T>(pick: (event: OutboxEventInput) => T) => events.map(pick);
  await tx.$executeRaw`
    INSERT INTO "OutboxEvent" ("id", "kind", "leadId", "inquiryId", "actorId", "data", "dueAt", "dedupeKey")
    SELECT e.id, e.kind, e.lead, e.inquiry, e.actor, e.data::jsonb,
      COALESCE(e.due::timestamptz, CURRENT_TIMESTAMP) AT TIME ZONE 'UTC', e.dedupe
    FROM unnest(
      ${column(() => newId())}::text[], ${column((event) => event.kind)}::text[],
      ${column((event) => event.leadId ?? null)}::text[], ${column((event) => event.inquiryId ?? null)}::text[],
      ${column((event) => event.actorId ?? null)}::text[],
      ${column((event) => (event.data === undefined ? null : JSON.stringify(event.data)))}::text[],
      ${column((event) => event.dueAt?.toISOString() ?? null)}::text[],
      ${column((event) => event.dedupeKey ?? null)}::text[]
    ) AS e(id, kind, lead, inquiry, actor, data, due, dedupe)
    ON CONFLICT DO NOTHING`;
}
