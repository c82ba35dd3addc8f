import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { seal } from "@/lib/auth/seal";
import type { ChannelKind, OutboxEvent } from "@/lib/db/generated/client";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { assignLeads, claimLead } from "@/lib/leads/assign/mutations";
import { planEvents } from "@/lib/notify/plan";
import { MAIL_SERVER_KEY, NOTIFY_RULES_KEY } from "@/lib/notify/settings";
import type { EventKind } from "@/lib/outbox/events";
import { openTestPglite, openTestPostgres, describeOnPostgres, type TestDatabase } from "../support/databases";
import { inquiryBody, makeUser, uniqueIp, type Person } from "../support/door-fixtures";

/*
 * Issue 11, item 3: who hears of what. Each rule of lib/notify/plan against real rows, on both
 * databases: the lead's owner by email, the park's group channels or else the workspace's, the
 * investor's receipt, the reminder and escalation scheduled at the deadline, managers on escalation,
 * and nobody who muted the topic or was deactivated.
 */

/** Monday 7 December 2026, 10:00 in Shanghai: the deadline (4 working hours) is 14:00. */
const NOW = new Date("2026-12-07T10:00:00+08:00");
const DUE = new Date("2026-12-07T14:00:00+08:00");

function planSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  const db = () => database.opened.db;
  let owner: Person;
  let parkId: string;
  let otherParkId: string;
  let parkChannel: string;
  let defaultChannel: string;

  const plan = (events: OutboxEvent[], now = NOW) => db().$transaction((tx) => planEvents(tx, events, now));
  const planned = async (events: OutboxEvent[], now = NOW) =>
    (await plan(events, now)).deliveries.map(({ topic, medium, userId, channelId, inquiryId }) => ({
      topic,
      medium,
      to: userId ?? channelId ?? inquiryId,
    }));

  async function channel(kind: ChannelKind, park: string | null, active = true) {
    const row = await db().notifyChannel.create({
      data: { kind, name: `${kind} 群`, urlSealed: seal(`https://robots.example/${kind}`), parkId: park, active },
    });
    return row.id;
  }

  /** Only the given officer is eligible for round-robin, so the new lead is theirs (or the pool's). */
  async function onlyOfficer(officer: Person | null) {
    await db().user.updateMany({ where: { role: "STAFF" }, data: { away: true } });
    if (officer) await db().user.update({ where: { id: officer.id }, data: { away: false } });
  }

  /** An inquiry through the real intake, and the event its statement wrote. */
  async function inquire(fields: { listingPark?: string; email?: string; phone?: string } = {}) {
    const body = { ...inquiryBody(fields.phone), ...(fields.email ? { email: fields.email } : {}) };
    const listing = fields.listingPark
      ? await db().listing.findFirstOrThrow({ where: { parkId: fields.listingPark, published: true } })
      : null;
    const result = await submitInquiry(db(), listing ? { ...body, listingId: listing.id } : body, {
      channel: "API",
      locale: "zh-CN",
      source: {},
      clientIp: uniqueIp(),
      now: NOW,
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const event = await db().outboxEvent.findFirstOrThrow({ where: { inquiryId: result.id } });
    return { event, lead: await db().lead.findUniqueOrThrow({ where: { id: event.leadId! } }), inquiryId: result.id };
  }

  const event = (kind: EventKind, fields: Partial<Pick<OutboxEvent, "leadId" | "actorId">> & { data?: object } = {}) =>
    db().outboxEvent.create({ data: { kind, ...fields } });

  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    database = await open();
    const parks = await db().park.findMany({ where: { listings: { some: { published: true } } }, take: 2 });
    [parkId, otherParkId] = parks.map((park) => park.id);
    // Every user the demo or earlier suites made stays out of the way: only this suite's people count.
    await db().user.updateMany({ data: { active: false } });
    owner = await makeUser(db(), "STAFF");
    parkChannel = await channel("DINGTALK", parkId);
    await channel("FEISHU", parkId, false);
    defaultChannel = await channel("WECOM", null);
  });
  beforeEach(async () => {
    await db().setting.deleteMany({ where: { key: { in: [MAIL_SERVER_KEY, NOTIFY_RULES_KEY] } } });
    await db().setting.create({
      data: { key: MAIL_SERVER_KEY, value: { urlSealed: seal("smtp://127.0.0.1:2525"), from: "招商 <zs@park.test>" } },
    });
    await db().user.update({ where: { id: owner.id }, data: { active: true, emailMuted: [] } });
    await onlyOfficer(owner);
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("a new lead: its owner by email, its park's active channel, the receipt, and the reminder", async () => {
    const { event: received, lead, inquiryId } = await inquire({ listingPark: parkId, email: "wang@motor.test" });
    expect(lead).toMatchObject({ ownerId: owner.id, parkId, firstResponseDueAt: DUE });
    const result = await plan([received]);
    expect(await planned([received])).toEqual([
      { topic: "new_lead", medium: "EMAIL", to: owner.id },
      { topic: "new_lead", medium: "DINGTALK", to: parkChannel },
      { topic: "receipt", medium: "EMAIL", to: inquiryId },
    ]);
    expect(result.deliveries.every((delivery) => delivery.eventId === received.id && delivery.leadId === lead.id)).toBe(
      true,
    );
    expect(result.events).toEqual([
      {
        kind: "response.reminder",
        leadId: lead.id,
        dueAt: new Date(DUE.getTime() - 30 * 60_000),
        dedupeKey: `reminder:${lead.id}`,
      },
    ]);
    expect(result.failed).toEqual([]);
  });

  it("reminds as many minutes ahead as the rules say, and only escalates a deadline already past", async () => {
    await db().setting.create({ data: { key: NOTIFY_RULES_KEY, value: { reminderMinutes: 45 } } });
    const { event: received, lead } = await inquire();
    expect((await plan([received])).events.map((e) => [e.kind, e.dueAt])).toEqual([
      ["response.reminder", new Date(DUE.getTime() - 45 * 60_000)],
    ]);
    const late = await plan([received], new Date(DUE.getTime() + 60_000));
    expect(late.events.map((e) => e.kind)).toEqual(["response.overdue"]);
    expect(lead.firstResponseDueAt).toEqual(DUE);
  });

  it("an unassigned lead in a park without channels goes to the workspace's default channel, with no email", async () => {
    await onlyOfficer(null);
    const { event: received, lead } = await inquire({ listingPark: otherParkId, email: "li@motor.test" });
    expect(lead.ownerId).toBeNull();
    expect(await planned([received])).toEqual([
      { topic: "new_lead", medium: "WECOM", to: defaultChannel },
      { topic: "receipt", medium: "EMAIL", to: received.inquiryId },
    ]);
  });

  it("plans no email for a muted topic, a deactivated owner, a withdrawn consent, or without a mail server", async () => {
    const { event: received, lead } = await inquire({ email: "zhao@motor.test" });
    await db().user.update({ where: { id: owner.id }, data: { emailMuted: ["new_lead"] } });
    expect((await planned([received])).map((d) => d.topic)).toEqual(["new_lead", "receipt"]);
    expect((await planned([received])).find((d) => d.medium === "EMAIL" && d.topic === "new_lead")).toBeUndefined();

    await db().user.update({ where: { id: owner.id }, data: { emailMuted: ["digest"], active: false } });
    expect((await planned([received])).filter((d) => d.to === owner.id)).toEqual([]);

    await db().lead.update({ where: { id: lead.id }, data: { consentWithdrawnAt: NOW } });
    expect((await planned([received])).filter((d) => d.topic === "receipt")).toEqual([]);

    await db().lead.update({ where: { id: lead.id }, data: { consentWithdrawnAt: null } });
    await db().user.update({ where: { id: owner.id }, data: { active: true } });
    await db().setting.deleteMany({ where: { key: MAIL_SERVER_KEY } });
    expect(await planned([received])).toEqual([{ topic: "new_lead", medium: "WECOM", to: defaultChannel }]);
  });

  it("a further inquiry tells its owner only (the pool's goes to the channel), with no new reminders", async () => {
    const phone = inquiryBody().phone;
    await inquire({ phone });
    const { event: again } = await inquire({ phone });
    expect(again.data).toEqual({ newLead: false });
    const result = await plan([again]);
    expect(await planned([again])).toEqual([{ topic: "further_inquiry", medium: "EMAIL", to: owner.id }]);
    expect(result.events).toEqual([]);

    await onlyOfficer(null);
    const poolPhone = inquiryBody().phone;
    await inquire({ phone: poolPhone });
    const { event: poolAgain } = await inquire({ phone: poolPhone });
    expect(await planned([poolAgain])).toEqual([{ topic: "further_inquiry", medium: "WECOM", to: defaultChannel }]);
  });

  it("the reminder goes to the owner (the pool's to the channel), and to nobody once the lead was answered", async () => {
    const { lead } = await inquire();
    const reminder = await event("response.reminder", { leadId: lead.id });
    expect(await planned([reminder])).toEqual([{ topic: "response_reminder", medium: "EMAIL", to: owner.id }]);
    // Still unanswered at the reminder: the escalation is scheduled at the deadline, once.
    expect((await plan([reminder])).events).toEqual([
      { kind: "response.overdue", leadId: lead.id, dueAt: DUE, dedupeKey: `overdue:${lead.id}` },
    ]);
    await db().lead.update({ where: { id: lead.id }, data: { firstRespondedAt: NOW } });
    expect(await planned([reminder])).toEqual([]);
    expect((await plan([reminder])).events).toEqual([]);

    await onlyOfficer(null);
    const { lead: pool } = await inquire();
    expect(await planned([await event("response.reminder", { leadId: pool.id })])).toEqual([
      { topic: "response_reminder", medium: "WECOM", to: defaultChannel },
    ]);
  });

  it("the escalation goes to the owner and every active manager and admin, and to nobody once answered or archived", async () => {
    const manager = await makeUser(db(), "MANAGER");
    const admin = await makeUser(db(), "ADMIN");
    await makeUser(db(), "MANAGER", false);
    const { lead } = await inquire();
    const overdue = await event("response.overdue", { leadId: lead.id });
    expect(await planned([overdue])).toEqual(
      [owner.id, manager.id, admin.id]
        .sort((a, b) => (a === owner.id ? -1 : b === owner.id ? 1 : a.localeCompare(b)))
        .map((to) => ({ topic: "response_overdue", medium: "EMAIL", to })),
    );
    await db().lead.update({ where: { id: lead.id }, data: { archivedAt: NOW } });
    expect(await planned([overdue])).toEqual([]);
    await db().lead.update({ where: { id: lead.id }, data: { archivedAt: null, firstRespondedAt: NOW } });
    expect(await planned([overdue])).toEqual([]);
    await db().user.updateMany({ where: { id: { in: [manager.id, admin.id] } }, data: { active: false } });
  });

  it("a reassignment by a manager tells the new owner; a manager taking it themselves or a claim tells nobody", async () => {
    const manager = await makeUser(db(), "MANAGER");
    const viewer = { ...manager };
    await onlyOfficer(null);
    const { lead } = await inquire();
    const { lead: claimed } = await inquire();

    expect(await assignLeads(db(), viewer, { leadIds: [lead.id], ownerId: owner.id })).toEqual({
      ok: true,
      changed: 1,
    });
    const [given] = await db().outboxEvent.findMany({ where: { leadId: lead.id, kind: "lead.reassigned" } });
    expect(given).toMatchObject({ actorId: manager.id, data: { toOwnerId: owner.id } });
    expect(await planned([given])).toEqual([{ topic: "reassigned", medium: "EMAIL", to: owner.id }]);

    expect(await assignLeads(db(), viewer, { leadIds: [lead.id], ownerId: manager.id })).toMatchObject({ ok: true });
    const toSelf = await db().outboxEvent.findFirstOrThrow({
      where: { leadId: lead.id, kind: "lead.reassigned", actorId: manager.id, NOT: { id: given.id } },
    });
    expect(await planned([toSelf])).toEqual([]);
    // Back to the pool: nobody to tell.
    await assignLeads(db(), viewer, { leadIds: [lead.id], ownerId: null });
    expect(await db().outboxEvent.count({ where: { leadId: lead.id, kind: "lead.reassigned" } })).toBe(2);

    // A claim is recorded as an assignment (outbound webhooks announce it) that mails nobody.
    expect(await claimLead(db(), owner, { leadId: claimed.id })).toEqual({ ok: true, changed: 1 });
    const claim = await db().outboxEvent.findFirstOrThrow({ where: { leadId: claimed.id, kind: "lead.reassigned" } });
    expect(claim).toMatchObject({ actorId: owner.id, data: { toOwnerId: owner.id } });
    expect(await planned([claim])).toEqual([]);
    await db().user.update({ where: { id: manager.id }, data: { active: false } });
  });

  it("the morning mails: tasks to whoever has open ones due today, the digest to managers, PIPL requests to admins", async () => {
    const manager = await makeUser(db(), "MANAGER");
    const admin = await makeUser(db(), "ADMIN");
    const later = await makeUser(db(), "STAFF");
    const away = await makeUser(db(), "STAFF");
    const { lead } = await inquire();
    const task = (assigneeId: string, dueAt: string, doneAt: Date | null = null) =>
      db().task.create({ data: { leadId: lead.id, assigneeId, title: "回访", dueAt: new Date(dueAt), doneAt } });
    await task(owner.id, "2026-12-07T16:00:00+08:00");
    await task(manager.id, "2026-12-04T16:00:00+08:00"); // overdue and still open: due today too
    await task(admin.id, "2026-12-07T09:00:00+08:00", NOW); // done
    await task(later.id, "2026-12-08T09:00:00+08:00"); // tomorrow
    await task(away.id, "2026-12-07T11:00:00+08:00");
    await db().user.update({ where: { id: away.id }, data: { active: false } });

    const tasks = await event("tasks.due");
    expect((await planned([tasks])).map((d) => d.to).sort()).toEqual([owner.id, manager.id].sort());
    expect(await planned([await event("digest.daily")])).toEqual(
      [manager.id, admin.id].sort().map((to) => ({ topic: "digest", medium: "EMAIL", to })),
    );
    expect(await planned([await event("privacy.requested", { leadId: lead.id, data: { requestId: "r1" } })])).toEqual([
      { topic: "privacy_request", medium: "EMAIL", to: admin.id },
    ]);
    await db().user.update({ where: { id: manager.id }, data: { emailMuted: ["digest"] } });
    expect(await planned([await event("digest.daily")])).toEqual([{ topic: "digest", medium: "EMAIL", to: admin.id }]);
    await db().user.updateMany({ where: { id: { in: [manager.id, admin.id, later.id] } }, data: { active: false } });
  });

  it("a test goes to the channel or the user named, and a missing channel fails that event alone", async () => {
    const test = await event("channel.test", { data: { channelId: parkChannel } });
    const mail = await event("channel.test", { data: { userId: owner.id } });
    const missing = await event("channel.test", { data: { channelId: "no-such-channel" } });
    const result = await plan([test, mail, missing]);
    expect(result.deliveries.map(({ eventId, topic, medium }) => [eventId, topic, medium])).toEqual([
      [test.id, "test", "DINGTALK"],
      [mail.id, "test", "EMAIL"],
    ]);
    expect(result.failed).toEqual([{ eventId: missing.id, error: expect.stringMatching(/channel/) }]);
  });

  it("reads a batch in the same number of queries whatever its size", async () => {
    const events = [];
    for (let i = 0; i < 6; i++) events.push((await inquire({ email: `batch${i}@motor.test` })).event);
    const queries = async (batch: OutboxEvent[]) => {
      let count = 0;
      await db().$transaction(async (tx) => {
        const counted = new Proxy(tx, {
          get(target, model) {
            const delegate = Reflect.get(target, model);
            if (typeof model !== "string" || model.startsWith("$") || typeof delegate !== "object") return delegate;
            return new Proxy(delegate, {
              get(inner, method) {
                const value = Reflect.get(inner, method);
                return typeof value === "function"
                  ? (...args: unknown[]) => (count++, value.apply(inner, args))
                  : value;
              },
            });
          },
        });
        await planEvents(counted, batch, NOW);
      });
      return count;
    };
    const one = await queries(events.slice(0, 1));
    expect(one).toBeGreaterThanOrEqual(5);
    expect(await queries(events)).toBe(one);
    expect((await plan(events)).deliveries).toHaveLength(18);
  });
}

describe("planning notifications on PGlite", () => {
  planSuite(() => openTestPglite({ seedDemo: true }));
});

describeOnPostgres("planning notifications on PostgreSQL", () => {
  planSuite(() => openTestPostgres({ seedDemo: true }));
});
