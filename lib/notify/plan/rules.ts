import type { DeliveryMedium, OutboxEvent } from "../../db/generated/client";
import type { OutboxEventInput } from "../../outbox/events";
import { PING, webhookEventsOf, type WebhookType } from "../../webhooks/events";
import { isStaffEmailTopic, type Topic } from "../topics";
import { eventData, type EventData } from "./event-data";
import type { Batch, PlanLead } from "./load";

/*
 * Who hears of each kind of event, from what the batch loaded. Pure: no reads here, so a batch of a
 * thousand events costs what loadBatch costs.
 */

export interface PlannedDelivery {
  /** an outbound webhook's delivery says which event it announces instead (lib/webhooks/events.ts) */
  topic: Topic | WebhookType;
  medium: DeliveryMedium;
  channelId?: string | null;
  /** an outbound webhook subscription (lib/webhooks) */
  subscriptionId?: string | null;
  userId?: string | null;
  inquiryId?: string | null;
  leadId?: string | null;
}

export interface EventPlan {
  deliveries: PlannedDelivery[];
  events: OutboxEventInput[];
}

/** Thrown for an event that cannot be planned as it is: the worker retries it with backoff, then gives up. */
export class Unplannable extends Error {
  override name = "Unplannable";
}

const MINUTE = 60_000;

export function planEvent(event: OutboxEvent, batch: Batch, now: Date): EventPlan {
  const data = eventData(event) ?? {};
  const planned = notifications(event, data, batch, now);
  const announced = webhooks(event, data, batch);
  return announced.length ? { ...planned, deliveries: [...planned.deliveries, ...announced] } : planned;
}

/** Who hears of the event: people by email, group chats and the generic webhook channel. */
function notifications(event: OutboxEvent, data: EventData, batch: Batch, now: Date): EventPlan {
  const lead = event.leadId ? batch.leads.get(event.leadId) : undefined;
  switch (event.kind) {
    case "inquiry.received":
      return inquiryReceived(event, required(lead, "lead"), data.newLead === true, batch, now);
    case "response.reminder": {
      const waiting = required(lead, "lead");
      if (!stillWaiting(waiting)) return nothing();
      // The escalation is written only now, for a lead still unanswered: most leads are answered before
      // their reminder, and never cost a second scheduled row.
      const due = waiting.firstResponseDueAt;
      return {
        deliveries: ownerOrChannels(waiting, "response_reminder", batch),
        events: due ? [overdueEvent(waiting.id, due)] : [],
      };
    }
    case "response.overdue": {
      const waiting = required(lead, "lead");
      if (!stillWaiting(waiting)) return nothing();
      const recipients = new Set([waiting.ownerId, ...batch.managers.map((user) => user.id)]);
      return plan([...recipients].flatMap((userId) => email(batch, userId, "response_overdue", waiting.id)));
    }
    case "lead.reassigned": {
      const toOwnerId = required(data.toOwnerId, "data.toOwnerId");
      // A manager who gives a lead to themselves knows already.
      if (toOwnerId === event.actorId) return nothing();
      return plan(email(batch, toOwnerId, "reassigned", required(lead, "lead").id));
    }
    case "tasks.due":
      return plan(batch.taskAssignees.flatMap((userId) => email(batch, userId, "tasks_due")));
    case "digest.daily":
      return plan(batch.managers.flatMap((user) => email(batch, user.id, "digest")));
    case "privacy.requested":
      return plan(
        batch.managers
          .filter((user) => user.role === "ADMIN")
          .flatMap((user) => email(batch, user.id, "privacy_request", event.leadId)),
      );
    case "channel.test":
      return channelTest(data, batch);
    case "unit.hold_expiring": {
      // Only while the hold is on with the expiry this reminder was written for: a renewal writes its own.
      const hold = batch.holds.get(required(data.holdId, "data.holdId"));
      if (!hold || hold.endedAt || hold.expiresAt.toISOString() !== data.expiresAt) return nothing();
      return plan(email(batch, hold.holderId, "holds", hold.leadId));
    }
    case "unit.hold_expired": {
      const hold = batch.holds.get(required(data.holdId, "data.holdId"));
      if (!hold) return nothing();
      const recipients = new Set([hold.holderId, lead?.ownerId ?? null]);
      return plan([...recipients].flatMap((userId) => email(batch, userId, "holds", hold.leadId)));
    }
    case "project.milestone_due":
    case "project.milestone_late": {
      // Only while the milestone is open with the plan this notice was written for, on an active project: a
      // re-plan writes its own notices, and a milestone done or a project ended has nothing left to warn of.
      const milestone = batch.milestones.get(required(data.milestoneId, "data.milestoneId"));
      if (!milestone || milestone.done || !milestone.projectActive || milestone.plannedOn !== data.plannedOn) {
        return nothing();
      }
      const late = event.kind === "project.milestone_late";
      const recipients = new Set([milestone.ownerId, ...(late ? batch.managers.map((user) => user.id) : [])]);
      return plan([...recipients].flatMap((userId) => email(batch, userId, "projects")));
    }
    case "supervision.opened":
    case "supervision.answered":
    case "supervision.instructed":
    case "supervision.escalated": {
      const item = batch.supervisions.get(required(data.supervisionId, "data.supervisionId"));
      if (!item || !item.projectActive) return nothing();
      if (event.kind === "supervision.answered") return plan(email(batch, item.openedById, "supervision"));
      // What is still to be done goes to the assignee; a closed item needs nothing more of anyone.
      if (item.closed) return nothing();
      const recipients = new Set([
        item.assigneeId,
        ...(event.kind === "supervision.escalated" ? batch.managers.map((user) => user.id) : []),
      ]);
      // Whoever took the step knows of it already.
      recipients.delete(event.actorId ?? "");
      return plan([...recipients].flatMap((userId) => email(batch, userId, "supervision")));
    }
    // Announced by outbound webhooks only (below).
    case "lead.stage_changed":
    case "lead.erased":
    case "webhook.test":
      return nothing();
  }
  throw new Unplannable(`unknown event kind ${event.kind}`);
}

function inquiryReceived(event: OutboxEvent, lead: PlanLead, newLead: boolean, batch: Batch, now: Date): EventPlan {
  const topic: Topic = newLead ? "new_lead" : "further_inquiry";
  const deliveries = newLead
    ? [...email(batch, lead.ownerId, topic, lead.id), ...channels(lead, topic, batch)]
    : ownerOrChannels(lead, topic, batch);
  const hasEmail = event.inquiryId ? batch.inquiryHasEmail.get(event.inquiryId) : false;
  if (hasEmail && batch.mail && !lead.consentWithdrawnAt && !lead.erasedAt)
    deliveries.push({ topic: "receipt", medium: "EMAIL", inquiryId: event.inquiryId, leadId: lead.id });

  const events: OutboxEventInput[] = [];
  const due = lead.firstResponseDueAt;
  if (newLead && due && !lead.firstRespondedAt) {
    const remindAt = new Date(due.getTime() - batch.rules.reminderMinutes * MINUTE);
    // The reminder schedules the escalation when it finds the lead still unanswered; a deadline that has
    // passed already is escalated, not announced as near.
    events.push(
      due > now
        ? { kind: "response.reminder", leadId: lead.id, dueAt: remindAt, dedupeKey: `reminder:${lead.id}` }
        : overdueEvent(lead.id, due),
    );
  }
  return { deliveries, events };
}

/**
 * One delivery per outbound webhook subscription that asked for what the event announces, of a lead in
 * its park when it names one; a test (ping) goes to the subscription it names, whatever it asked for.
 */
function webhooks(event: OutboxEvent, data: EventData, batch: Batch): PlannedDelivery[] {
  if (batch.subscriptions.length === 0) return [];
  if (event.kind === "webhook.test") {
    const subscription = batch.subscriptions.find((candidate) => candidate.id === data.subscriptionId);
    if (!subscription?.active) return [];
    return [{ topic: PING, medium: "WEBHOOK", subscriptionId: subscription.id }];
  }
  const lead = event.leadId ? batch.leads.get(event.leadId) : undefined;
  if (!lead) return [];
  const types = webhookEventsOf({
    kind: event.kind,
    newLead: data.newLead,
    ownerAtIntake: lead.ownerId !== null && lead.assignedAt?.getTime() === event.createdAt.getTime(),
    signed: data.signed,
  });
  return batch.subscriptions
    .filter((subscription) => subscription.active && (!subscription.parkId || subscription.parkId === lead.parkId))
    .flatMap((subscription) =>
      types
        .filter((type) => subscription.events.includes(type))
        .map((type) => ({ topic: type, medium: "WEBHOOK" as const, subscriptionId: subscription.id, leadId: lead.id })),
    );
}

function overdueEvent(leadId: string, due: Date): OutboxEventInput {
  return { kind: "response.overdue", leadId, dueAt: due, dedupeKey: `overdue:${leadId}` };
}

function channelTest(data: { channelId?: string; userId?: string }, batch: Batch): EventPlan {
  if (data.channelId) {
    const channel = batch.channels.find((candidate) => candidate.id === data.channelId);
    if (!channel) throw new Unplannable("the channel to test does not exist");
    return plan([{ topic: "test", medium: channel.kind, channelId: channel.id }]);
  }
  return plan(email(batch, required(data.userId, "data.channelId or data.userId"), "test"));
}

/** A staff email, unless there is no mail server, the user is deactivated or has muted the topic. */
function email(batch: Batch, userId: string | null | undefined, topic: Topic, leadId?: string | null) {
  const user = userId ? batch.users.get(userId) : undefined;
  if (!batch.mail || !user?.active) return [];
  if (isStaffEmailTopic(topic) && user.emailMuted.includes(topic)) return [];
  return [{ topic, medium: "EMAIL" as const, userId: user.id, leadId: leadId ?? null }];
}

/** The lead's park's active channels, else the workspace's default ones. */
function channels(lead: PlanLead, topic: Topic, batch: Batch): PlannedDelivery[] {
  const active = batch.channels.filter((channel) => channel.active);
  const park = lead.parkId ? active.filter((channel) => channel.parkId === lead.parkId) : [];
  const chosen = park.length ? park : active.filter((channel) => channel.parkId === null);
  return chosen.map((channel) => ({ topic, medium: channel.kind, channelId: channel.id, leadId: lead.id }));
}

/** The owner by email; a lead without one goes to the group, where someone can claim it. */
function ownerOrChannels(lead: PlanLead, topic: Topic, batch: Batch): PlannedDelivery[] {
  return lead.ownerId ? email(batch, lead.ownerId, topic, lead.id) : channels(lead, topic, batch);
}

function stillWaiting(lead: PlanLead): boolean {
  return !lead.firstRespondedAt && !lead.archivedAt && !lead.erasedAt && !lead.mergedIntoId;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Unplannable(`the event's ${what} is missing`);
  return value;
}

const nothing = (): EventPlan => ({ deliveries: [], events: [] });
const plan = (deliveries: PlannedDelivery[]): EventPlan => ({ deliveries, events: [] });
