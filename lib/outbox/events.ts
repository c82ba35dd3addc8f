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
  /** a lead was given to another officer; data: { toOwnerId } */
  "lead.reassigned",
  /** a working morning's follow-up tasks; dedupeKey tasks:<YYYY-MM-DD> */
  "tasks.due",
  /** a working day's digest for managers; dedupeKey digest:<YYYY-MM-DD> */
  "digest.daily",
  /** an investor's PIPL request; data: { requestId } */
  "privacy.requested",
  /** an admin's test message; data: { channelId } or { userId } for the mail server */
  "channel.test",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

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

type OutboxWriter = Pick<Prisma.TransactionClient, "outboxEvent">;

/**
 * Records events in the caller's transaction (pass the transaction client). An event whose
 * dedupeKey is already recorded is skipped, so two instances scheduling the same digest write one.
 */
export async function recordEvents(tx: OutboxWriter, events: OutboxEventInput[]): Promise<void> {
  if (!notificationsOn() || events.length === 0) return;
  await tx.outboxEvent.createMany({
    // Ids made here: Prisma's own cuid() costs more than the rest of recording an event.
    data: events.map((event) => ({
      id: newId(),
      kind: event.kind,
      leadId: event.leadId ?? null,
      inquiryId: event.inquiryId ?? null,
      actorId: event.actorId ?? null,
      data: event.data,
      dueAt: event.dueAt,
      dedupeKey: event.dedupeKey ?? null,
    })),
    skipDuplicates: true,
  });
}
