import type { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { CALLS, EMAILS, NOTES, TASKS, VISITS } from "./catalogue";
import { between, pick, type DemoStages, type Random, type Timeline } from "./timeline";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

interface StoryInput {
  id: string;
  owner: string | null;
  timeline: Timeline;
  stages: DemoStages;
  lostReasonKey: string | null;
  now: Date;
}

export interface Story {
  stageChanges: Prisma.StageChangeCreateManyInput[];
  activities: Prisma.ActivityCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  lastActivityAt: Date | null;
  nextFollowUpAt: Date | null;
}

/** 10:00 Shanghai time on the day `days` away from now's day, or 17:00 today for `days` = 0. */
function dueDay(now: Date, days: number): Date {
  const today = Math.floor((now.getTime() + SHANGHAI) / DAY) * DAY - SHANGHAI;
  return new Date(today + days * DAY + (days === 0 ? 17 : 10) * HOUR);
}

/**
 * A lead's timeline as the workspace would have written it: the assignment, the first call, every
 * stage move (with its StageChange row), the visit, notes and mails between, and its follow-up tasks.
 */
export function storyOf(random: Random, input: StoryInput): Story {
  const { id: leadId, owner, timeline, stages, now } = input;
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const add = (
    kind: Prisma.ActivityCreateManyInput["kind"],
    at: Date,
    extra: Partial<Prisma.ActivityCreateManyInput>,
  ) => at < now && activities.push({ id: newId(at.getTime()), leadId, kind, occurredAt: at, createdAt: at, ...extra });
  const stageChanges: Prisma.StageChangeCreateManyInput[] = [];
  const [arrival, ...moves] = timeline.steps;
  stageChanges.push({
    id: newId(arrival.at.getTime()),
    leadId,
    fromKey: null,
    toKey: arrival.stageKey,
    changedAt: arrival.at,
  });
  if (owner) add("OWNER", arrival.at, { details: { from: null, to: owner, rule: "round_robin" } });
  if (owner && timeline.respondedAt) add("CALL", timeline.respondedAt, { actorId: owner, body: pick(random, CALLS) });

  let from = arrival.stageKey;
  for (const move of moves) {
    const lost = move.stageKey === stages.lost;
    const lostReasonKey = lost ? input.lostReasonKey : null;
    stageChanges.push({
      id: newId(move.at.getTime()),
      leadId,
      fromKey: from,
      toKey: move.stageKey,
      actorId: owner,
      lostReasonKey,
      changedAt: move.at,
    });
    if (move.stageKey === stages.open[2])
      add("VISIT", new Date(move.at.getTime() - HOUR), { actorId: owner, body: pick(random, VISITS) });
    const details = { from, to: move.stageKey, ...(lostReasonKey ? { lostReasonKey } : {}) };
    add("STAGE", move.at, { actorId: owner, details });
    if (move.stageKey === stages.open[3] || move.stageKey === stages.open[4])
      add("EMAIL", new Date(move.at.getTime() + HOUR), { actorId: owner, body: pick(random, EMAILS) });
    from = move.stageKey;
  }
  if (owner && timeline.respondedAt) {
    const last = timeline.steps[timeline.steps.length - 1].at.getTime();
    const until = Math.min(now.getTime() - HOUR, last + 10 * DAY);
    const notes = Math.floor(random() * 3);
    for (let note = 0; note < notes; note++) {
      const at = Math.floor(between(random, timeline.respondedAt.getTime(), until) / MINUTE) * MINUTE;
      if (at > timeline.respondedAt.getTime()) add("NOTE", new Date(at), { actorId: owner, body: pick(random, NOTES) });
    }
  }

  const tasks: Prisma.TaskCreateManyInput[] = [];
  let nextFollowUpAt: Date | null = null;
  const current = timeline.steps[timeline.steps.length - 1];
  const visit = moves.find((move) => move.stageKey === stages.open[2]);
  if (owner && visit) {
    const created = new Date(visit.at.getTime() - 2 * DAY);
    tasks.push({
      leadId,
      assigneeId: owner,
      createdById: owner,
      title: "安排实地考察",
      dueAt: visit.at,
      doneAt: visit.at,
      createdAt: created,
    });
  }
  if (owner && current.stageKey in TASKS && stages.open.includes(current.stageKey)) {
    // Some due today, some overdue, the rest in the next two weeks.
    const r = random();
    const dueAt =
      r < 0.3
        ? dueDay(now, 0)
        : r < 0.6
          ? dueDay(now, -Math.ceil(between(random, 0, 10)))
          : dueDay(now, Math.ceil(between(random, 0, 14)));
    tasks.push({
      leadId,
      assigneeId: owner,
      createdById: owner,
      title: pick(random, TASKS[current.stageKey]),
      dueAt,
      createdAt: current.at,
    });
    nextFollowUpAt = dueAt;
  }
  const answered = activities
    .filter((activity) => activity.kind !== "OWNER")
    .map((activity) => new Date(activity.occurredAt!).getTime());
  return {
    stageChanges,
    activities,
    tasks,
    lastActivityAt: answered.length ? new Date(Math.max(...answered)) : null,
    nextFollowUpAt,
  };
}

/** When the lead's inquiries came: on arrival, and from some investors once more weeks later. */
export function inquiriesOf(random: Random, input: { timeline: Timeline; now: Date }): Date[] {
  const first = input.timeline.createdAt;
  const again = new Date(Math.floor((first.getTime() + between(random, 3, 40) * DAY) / MINUTE) * MINUTE);
  return random() < 0.18 && again.getTime() < input.now.getTime() - 5 * MINUTE ? [first, again] : [first];
}
