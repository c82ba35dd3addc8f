import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal } from "@/lib/auth/seal";
import type { OutboxEvent } from "@/lib/db/generated/client";
import type { OpenedDatabase } from "@/lib/db/open";
import type { EmailMessage } from "@/lib/notify/message";
import { planEvents } from "@/lib/notify/plan";
import { renderDeliveries } from "@/lib/notify/render";
import { MAIL_SERVER_KEY } from "@/lib/notify/settings";
import { recordEvents, type EventKind } from "@/lib/outbox/events";
import { recordActual, setPlan } from "@/lib/projects/milestones/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeHoldPark, makeUser, type HoldPark } from "../support/inventory-fixtures";
import { makeProject } from "../support/project-fixtures";

/*
 * Delivery's notifications: a plan made schedules the owner's reminder warnDays before the planned day and the
 * late notice the morning after (09:00 Shanghai), planned by email only while the milestone is open with that plan
 * on an active project (late: every manager too); 督办 steps go to the assignee, an answer to the opener, an
 * escalation to the managers as well. Rendered with the project, the milestone or item and the project's link.
 */
const DAY_MS = 86_400_000;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

function notifySuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let park: HoldPark;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    park = await makeHoldPark(opened.db, 0);
    await opened.db.setting.create({
      data: { key: MAIL_SERVER_KEY, value: { urlSealed: seal("smtp://127.0.0.1:2525"), from: "招商 <zs@park.test>" } },
    });
    await opened.db.notifyChannel.create({
      data: { kind: "WECOM", name: "招商群", urlSealed: seal("https://robots.example/wecom"), parkId: null },
    });
  });
  afterAll(async () => {
    await cleanup();
  });

  const plan = (events: OutboxEvent[], now: Date) => opened.db.$transaction((tx) => planEvents(tx, events, now));
  const noticesOf = (milestoneId: string) =>
    opened.db.outboxEvent.findMany({
      where: { data: { path: ["milestoneId"], equals: milestoneId } },
      orderBy: [{ createdAt: "asc" }, { dueAt: "asc" }],
    });
  const recipients = (planned: { deliveries: { userId?: string | null; medium: string; topic: string }[] }) =>
    planned.deliveries.map((delivery) => [delivery.medium, delivery.topic, delivery.userId]);
  const render = async (event: OutboxEvent, userId: string, topic: string) => {
    const delivery = await opened.db.delivery.create({ data: { eventId: event.id, topic, medium: "EMAIL", userId } });
    return (await renderDeliveries(opened.db, [delivery], event.dueAt)).get(delivery.id);
  };

  it("reminds the owner before the planned day and tells the owner and managers the morning after", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, name: "精工装备项目" });
    const plannedOn = addDays(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), 60);
    expect(
      (await setPlan(db, park.staff, { projectId, version: 1, plans: { CONSTRUCTION_START: plannedOn } })).ok,
    ).toBe(true);
    const milestone = await db.projectMilestone.findFirstOrThrow({ where: { projectId, kind: "CONSTRUCTION_START" } });
    const [due, late] = await noticesOf(milestone.id);
    expect([due.kind, due.dueAt.toISOString()]).toEqual([
      "project.milestone_due",
      `${addDays(plannedOn, -30)}T01:00:00.000Z`,
    ]);
    expect([late.kind, late.dueAt.toISOString()]).toEqual([
      "project.milestone_late",
      `${addDays(plannedOn, 1)}T01:00:00.000Z`,
    ]);
    expect(due.data).toEqual({ milestoneId: milestone.id, plannedOn });

    expect(recipients(await plan([due], due.dueAt))).toEqual([["EMAIL", "projects", park.staff.id]]);
    const lateRecipients = recipients(await plan([late], late.dueAt));
    expect(lateRecipients).toEqual(
      expect.arrayContaining([
        ["EMAIL", "projects", park.staff.id],
        ["EMAIL", "projects", park.manager.id],
        ["EMAIL", "projects", park.admin.id],
      ]),
    );
    expect(lateRecipients.every(([medium]) => medium === "EMAIL")).toBe(true);

    const mail = (await render(late, park.manager.id, "projects")) as EmailMessage;
    expect(mail.subject).toBe(`里程碑已逾期：精工装备项目 · 开工（计划 ${plannedOn}）`);
    expect(mail.to).toBe(park.manager.email);
    expect(mail.text).toContain("负责人：张专员");
    expect(mail.text).toContain(`/crm/projects/${projectId}`);
    expect(mail.html).toContain("精工装备项目");
    expect(mail.text).not.toContain(park.staff.email);

    // Muted on the user's own settings page: nothing.
    await db.user.update({ where: { id: park.staff.id }, data: { emailMuted: ["projects"] } });
    expect(recipients(await plan([due], due.dueAt))).toEqual([]);
    await db.user.update({ where: { id: park.staff.id }, data: { emailMuted: [] } });
  });

  it("drops the notices of a plan no longer in force, of a milestone done and of a terminated project", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id });
    await setPlan(db, park.staff, {
      projectId,
      version: 1,
      plans: { REGISTERED: "2026-01-20", PRODUCTION: "2099-06-01" },
    });
    const registered = await db.projectMilestone.findFirstOrThrow({ where: { projectId, kind: "REGISTERED" } });
    const production = await db.projectMilestone.findFirstOrThrow({ where: { projectId, kind: "PRODUCTION" } });
    const [firstLate] = await noticesOf(registered.id);
    // Planned in the past: no reminder, the late notice at once.
    expect(firstLate.kind).toBe("project.milestone_late");
    expect(firstLate.dueAt.getTime()).toBeLessThanOrEqual(Date.now());

    // Re-planned: the first plan's notices plan nothing, the new plan's do.
    await setPlan(db, park.staff, {
      projectId,
      version: 2,
      plans: { PRODUCTION: "2099-09-01" },
      reason: "设备延期到货",
    });
    const [oldDue, , newDue] = await noticesOf(production.id);
    expect(recipients(await plan([oldDue], oldDue.dueAt))).toEqual([]);
    expect(await render(oldDue, park.staff.id, "projects")).toEqual({
      skip: "milestone done, re-planned or project ended",
    });
    expect(recipients(await plan([newDue], newDue.dueAt))).toEqual([["EMAIL", "projects", park.staff.id]]);

    // Done: nothing more to warn of.
    expect((await plan([firstLate], new Date())).deliveries.length).toBeGreaterThan(0);
    await recordActual(db, park.staff, {
      projectId,
      version: 3,
      kind: "REGISTERED",
      actualOn: "2026-01-25",
      creditCode: "91110108551385082Q",
    });
    expect(recipients(await plan([firstLate], new Date()))).toEqual([]);

    // Terminated: nothing at all.
    await db.project.update({ where: { id: projectId }, data: { status: "TERMINATED", terminatedAt: new Date() } });
    expect(recipients(await plan([newDue], newDue.dueAt))).toEqual([]);
  });

  it("sends 督办 steps to the assignee, an answer to the opener and an escalation to the managers too", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, name: "海川精密项目" });
    const leader = await makeUser(db, "MANAGER", "钱局长");
    const item = await db.supervision.create({
      data: {
        projectId,
        title: "本月底前取得施工许可证",
        assigneeId: park.staff.id,
        openedById: leader.id,
        dueOn: new Date("2026-06-30"),
      },
    });
    const record = async (kind: EventKind, actorId: string) => {
      await db.$transaction((tx) => recordEvents(tx, [{ kind, actorId, data: { supervisionId: item.id } }]));
      return db.outboxEvent.findFirstOrThrow({ where: { kind }, orderBy: { createdAt: "desc" } });
    };
    const openedEvent = await record("supervision.opened", leader.id);
    expect(recipients(await plan([openedEvent], new Date()))).toEqual([["EMAIL", "supervision", park.staff.id]]);
    const mail = (await render(openedEvent, park.staff.id, "supervision")) as EmailMessage;
    expect(mail.subject).toBe("新的督办事项：海川精密项目");
    expect(mail.text).toContain("事项：本月底前取得施工许可证");
    expect(mail.text).toContain("办理期限：2026-06-30");
    expect(mail.text).toContain(`/crm/projects/${projectId}`);

    const answered = await record("supervision.answered", park.staff.id);
    expect(recipients(await plan([answered], new Date()))).toEqual([["EMAIL", "supervision", leader.id]]);
    const instructed = await record("supervision.instructed", leader.id);
    expect(recipients(await plan([instructed], new Date()))).toEqual([["EMAIL", "supervision", park.staff.id]]);
    const escalated = await record("supervision.escalated", leader.id);
    const told = recipients(await plan([escalated], new Date()));
    expect(told).toEqual(
      expect.arrayContaining([
        ["EMAIL", "supervision", park.staff.id],
        ["EMAIL", "supervision", park.manager.id],
      ]),
    );
    // The leader who took the step is not told of it.
    expect(told).not.toContainEqual(["EMAIL", "supervision", leader.id]);

    await db.supervision.update({ where: { id: item.id }, data: { status: "CLOSED", closedAt: new Date() } });
    expect(recipients(await plan([escalated], new Date()))).toEqual([]);
    expect(await render(openedEvent, park.staff.id, "supervision")).toEqual({
      skip: "supervision item closed or project ended",
    });
  });
}

describe("project notifications (PGlite)", () => notifySuite(openTestPglite));
describeOnPostgres("project notifications (PostgreSQL)", () => notifySuite(() => openTestPostgres()));
