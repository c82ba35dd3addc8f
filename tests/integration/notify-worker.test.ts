import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { Delivery } from "@/lib/db/generated/client";
import type { Outcome } from "@/lib/notify/message";
import { NOTIFY_RULES_KEY } from "@/lib/notify/settings";
import { retryDelayMs } from "@/lib/notify/worker/backoff";
import type { WorkerDeps } from "@/lib/notify/worker/deps";
import { startWorker, stopWorker } from "@/lib/notify/worker";
import { createWorker, DEFAULT_WORKER_OPTIONS, type WorkerOptions } from "@/lib/notify/worker/worker";
import { wakeWorker } from "@/lib/outbox/wake";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { submitTestInquiry } from "../support/inquiry-status-fixtures";
import { fakeDeps } from "../support/notify-worker-fakes";

/*
 * The worker's rules against a fake vendor, on a clock the test moves: retries with backoff, giving
 * up, a channel's refusal, leases taken over, skips, and events fanned out once. The real senders
 * over HTTP, a killed worker and two workers side by side: notify-worker-crash.test.ts.
 */

const START = new Date("2026-12-07T02:00:00Z");
const BACKOFF = { baseMs: 30_000, maxMs: 3_600_000 };

function workerSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let channelId: string;
  let now: Date;

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
  });
  afterAll(() => database.cleanup());

  beforeEach(async () => {
    now = new Date(START);
    await db.delivery.deleteMany();
    await db.outboxEvent.deleteMany();
    await db.setting.deleteMany({ where: { key: NOTIFY_RULES_KEY } });
    const channel = await db.notifyChannel.create({
      data: { kind: "WEBHOOK", name: "测试回调", urlSealed: "unused by the fake" },
    });
    channelId = channel.id;
  });

  function worker(deps: WorkerDeps, options: Partial<WorkerOptions> = {}) {
    return createWorker(db, { ...DEFAULT_WORKER_OPTIONS, backoff: BACKOFF, deps, clock: () => now, ...options });
  }

  async function oneEvent(): Promise<string> {
    const event = await db.outboxEvent.create({ data: { kind: "inquiry.received", dueAt: now } });
    return event.id;
  }

  const onlyDelivery = async (): Promise<Delivery> => {
    const rows = await db.delivery.findMany();
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  it("retries with a growing backoff until the vendor takes the message", async () => {
    const deps = fakeDeps(channelId, (_id, attempt) =>
      attempt < 3 ? { status: "retry", answer: `HTTP 503 (try ${attempt})` } : { status: "sent", answer: "HTTP 200" },
    );
    const run = worker(deps);
    await oneEvent();
    expect(await run.runOnce()).toEqual({ events: 1, deliveries: 1 });
    let delivery = await onlyDelivery();
    expect(delivery).toMatchObject({ status: "RETRYING", attempts: 1, answer: "HTTP 503 (try 1)", claimedUntil: null });
    const firstWait = delivery.nextAttemptAt.getTime() - now.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(BACKOFF.baseMs / 2);
    expect(firstWait).toBeLessThanOrEqual(BACKOFF.baseMs);

    // Not due yet: nothing is claimed.
    now = new Date(delivery.nextAttemptAt.getTime() - 1);
    expect(await run.runOnce()).toEqual({ events: 0, deliveries: 0 });

    now = delivery.nextAttemptAt;
    await run.runOnce();
    delivery = await onlyDelivery();
    expect(delivery).toMatchObject({ status: "RETRYING", attempts: 2, answer: "HTTP 503 (try 2)" });
    const secondWait = delivery.nextAttemptAt.getTime() - now.getTime();
    expect(secondWait).toBeGreaterThanOrEqual(BACKOFF.baseMs);
    expect(secondWait).toBeLessThanOrEqual(BACKOFF.baseMs * 2);

    now = delivery.nextAttemptAt;
    await run.runOnce();
    delivery = await onlyDelivery();
    expect(delivery).toMatchObject({ status: "SENT", attempts: 3, answer: "HTTP 200", claimedUntil: null });
    expect(delivery.sentAt).toEqual(now);
    expect(deps.attempts.map((attempt) => attempt.deliveryId)).toEqual([delivery.id, delivery.id, delivery.id]);
  });

  it("honours the vendor's Retry-After and caps the backoff", () => {
    expect(retryDelayMs(1, BACKOFF, 120_000, () => 0)).toBe(120_000);
    expect(retryDelayMs(1, BACKOFF, 0, () => 0)).toBe(15_000);
    expect(retryDelayMs(20, BACKOFF, 0, () => 1)).toBe(BACKOFF.maxMs);
    expect(retryDelayMs(3, BACKOFF, 0, () => 1)).toBe(120_000);
  });

  it("marks a delivery dead after the configured tries, and counts a throwing or hung send as a try", async () => {
    await db.setting.create({ data: { key: NOTIFY_RULES_KEY, value: { maxAttempts: 3 } } });
    const deps = fakeDeps(channelId, (_id, attempt) => {
      if (attempt === 1) throw new Error("socket hang up");
      if (attempt === 2) return new Promise<Outcome>(() => {});
      return { status: "retry", answer: "HTTP 502" };
    });
    const run = worker(deps, { sendTimeoutMs: 50 });
    await oneEvent();
    await run.runOnce();
    let delivery = await onlyDelivery();
    expect(delivery).toMatchObject({ status: "RETRYING", attempts: 1, answer: "socket hang up" });
    now = delivery.nextAttemptAt;
    await run.runOnce();
    delivery = await onlyDelivery();
    expect(delivery).toMatchObject({ status: "RETRYING", attempts: 2, answer: "no answer within 50 ms" });
    now = delivery.nextAttemptAt;
    await run.runOnce();
    delivery = await onlyDelivery();
    expect(delivery).toMatchObject({ status: "DEAD", attempts: 3, answer: "HTTP 502", claimedUntil: null });
    // A retry's dead end is not the channel's fault: it is not flagged.
    expect(await db.notifyChannel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({ failure: null });
    now = new Date(now.getTime() + 86_400_000);
    expect(await run.runOnce()).toEqual({ events: 0, deliveries: 0 });
  });

  it("marks a delivery dead at once on the vendor's refusal, flags the channel, and a later success clears it", async () => {
    let refuse = true;
    const deps = fakeDeps(channelId, () =>
      refuse
        ? { status: "dead", answer: `{"errcode":93000,"errmsg":"invalid webhook url"}${"…".repeat(600)}` }
        : { status: "sent", answer: "ok" },
    );
    const run = worker(deps);
    await oneEvent();
    await run.runOnce();
    const delivery = await onlyDelivery();
    expect(delivery).toMatchObject({ status: "DEAD", attempts: 1 });
    expect(delivery.answer).toHaveLength(500);
    const channel = await db.notifyChannel.findUniqueOrThrow({ where: { id: channelId } });
    expect(channel.failure).toMatch(/^\{"errcode":93000/);
    expect(channel.failedAt).toEqual(now);

    refuse = false;
    await oneEvent();
    await run.runOnce();
    expect(await db.notifyChannel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({
      failure: null,
      failedAt: null,
    });
  });

  it("sends group-chat messages due together for one channel as one, eight at most, sharing its outcome", async () => {
    await db.notifyChannel.update({ where: { id: channelId }, data: { kind: "WECOM" } });
    const toGroup = fakeDeps(channelId, () => ({ status: "sent", answer: '{"errcode":0,"errmsg":"ok"}' }), {
      planEvents: async (_tx, events) => ({
        deliveries: events.map((event) => ({ eventId: event.id, topic: "new_lead", medium: "WECOM", channelId })),
        events: [],
        failed: [],
      }),
      renderDeliveries: async (_db, deliveries) =>
        new Map(
          deliveries.map((delivery) => [
            delivery.id,
            { medium: "GROUP", title: `新线索 ${delivery.id}`, lines: ["需求：租赁厂房 5,000 m²"] },
          ]),
        ),
    });
    for (let i = 0; i < 10; i++) await oneEvent();
    await worker(toGroup).runOnce();
    // Ten messages, two sends: eight in one, two in the other, each titled with its count.
    expect(toGroup.attempts.map((attempt) => (attempt.message as { title: string }).title).sort()).toEqual([
      "2 messages",
      "8 messages",
    ]);
    const rows = await db.delivery.findMany();
    expect(rows).toHaveLength(10);
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
  });

  it("keeps no answer for a lead erased while its message was with the vendor", async () => {
    const { lead } = await submitTestInquiry(db);
    await db.delivery.deleteMany();
    await db.outboxEvent.deleteMany();
    await db.outboxEvent.create({ data: { kind: "inquiry.received", dueAt: now, leadId: lead.id } });
    const deps = fakeDeps(channelId, async () => {
      // The erase commits while the send is under way (lib/leads/erase skips only rows not yet SENDING).
      await db.lead.update({ where: { id: lead.id }, data: { erasedAt: now } });
      return { status: "sent", answer: "250 2.0.0 Ok: queued for <investor@example.com>" };
    });
    await worker(deps).runOnce();
    expect(await onlyDelivery()).toMatchObject({ status: "SENT", leadId: lead.id, answer: "lead erased" });
  });

  it("takes over a delivery left SENDING once its lease has passed, and leaves a live claim alone", async () => {
    const eventId = await oneEvent();
    await db.outboxEvent.update({ where: { id: eventId }, data: { doneAt: now } });
    const minute = 60_000;
    const [abandoned, held] = await Promise.all(
      [-1, 1].map((sign) =>
        db.delivery.create({
          data: {
            eventId,
            topic: "new_lead",
            medium: "WEBHOOK",
            channelId,
            status: "SENDING",
            attempts: 1,
            nextAttemptAt: new Date(now.getTime() - 5 * minute),
            claimedUntil: new Date(now.getTime() + sign * minute),
          },
        }),
      ),
    );
    const deps = fakeDeps(channelId, () => ({ status: "sent", answer: "HTTP 200" }));
    expect(await worker(deps).runOnce()).toEqual({ events: 0, deliveries: 1 });
    expect(deps.attempts.map((attempt) => attempt.deliveryId)).toEqual([abandoned.id]);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({
      status: "SENDING",
      attempts: 1,
    });
  });

  it("does not overwrite a newer attempt when its own lease ran out mid-send", async () => {
    let release: (outcome: Outcome) => void = () => {};
    const slow = fakeDeps(channelId, () => new Promise<Outcome>((resolve) => (release = resolve)));
    await oneEvent();
    const first = worker(slow, { leaseMs: 1_000, sendTimeoutMs: 400 }).runOnce();
    await expect.poll(() => slow.attempts.length).toBe(1);
    // The first worker is stuck past its lease; a second one sends again and succeeds.
    now = new Date(now.getTime() + 1_001);
    const fast = fakeDeps(channelId, () => ({ status: "sent", answer: "second" }));
    await worker(fast).runOnce();
    release({ status: "retry", answer: "first, too late" });
    await first;
    expect(await onlyDelivery()).toMatchObject({ status: "SENT", answer: "second", attempts: 2 });
  });

  it("skips a delivery the renderer says no longer applies", async () => {
    const deps = fakeDeps(channelId, () => ({ status: "sent", answer: "HTTP 200" }), {
      renderDeliveries: async (_db, deliveries) =>
        new Map(deliveries.map((delivery) => [delivery.id, { skip: "consent withdrawn" }])),
    });
    await oneEvent();
    await worker(deps).runOnce();
    expect(await onlyDelivery()).toMatchObject({ status: "SKIPPED", answer: "consent withdrawn", claimedUntil: null });
    expect(deps.attempts).toEqual([]);
  });

  it("retries only the delivery the renderer fails on, and sends despite a failing daily schedule", async () => {
    const ids = [await oneEvent(), await oneEvent(), await oneEvent()];
    const base = fakeDeps(channelId, () => ({ status: "sent", answer: "HTTP 200" }));
    const deps = fakeDeps(channelId, () => ({ status: "sent", answer: "HTTP 200" }), {
      renderDeliveries: async (store, deliveries, at) => {
        if (deliveries.some((delivery) => delivery.eventId === ids[1])) throw new Error("no such lead template");
        return base.renderDeliveries(store, deliveries, at);
      },
      scheduleDailyEvents: async () => {
        throw new Error("schedule broke");
      },
    });
    await worker(deps).runOnce();
    const deliveries = await db.delivery.findMany();
    expect(deliveries).toHaveLength(3);
    for (const delivery of deliveries)
      expect(delivery).toMatchObject(
        delivery.eventId === ids[1]
          ? { status: "RETRYING", answer: "render: no such lead template" }
          : { status: "SENT", answer: "HTTP 200" },
      );
  });

  it("fans each event out once, records its follow-up events, and isolates an event the planner fails", async () => {
    await db.setting.create({ data: { key: NOTIFY_RULES_KEY, value: { maxAttempts: 2 } } });
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await oneEvent());
    const broken = ids[7];
    const base = fakeDeps(channelId, () => ({ status: "sent", answer: "HTTP 200" }));
    const planEvents: WorkerDeps["planEvents"] = async (tx, events, at) => {
      if (events.some((event) => event.id === broken)) throw new Error("planner broke on this event");
      const plan = await base.planEvents(tx, events, at);
      return {
        ...plan,
        events: events.map((event) => ({
          kind: "response.reminder" as const,
          leadId: event.leadId,
          dueAt: new Date(at.getTime() + 3_600_000),
          dedupeKey: `reminder:${event.id}`,
        })),
      };
    };
    const deps = { ...base, planEvents };
    // Two workers at once, small batches: each event is claimed by one of them.
    await Promise.all([worker(deps, { batchSize: 4 }).runOnce(), worker(deps, { batchSize: 4 }).runOnce()]);
    const deliveries = await db.delivery.findMany();
    expect(deliveries).toHaveLength(29);
    expect(new Set(deliveries.map((delivery) => delivery.eventId))).toEqual(new Set(ids.filter((id) => id !== broken)));
    expect(deliveries.every((delivery) => delivery.status === "SENT")).toBe(true);
    const followUps = await db.outboxEvent.findMany({ where: { kind: "response.reminder" } });
    expect(followUps.map((event) => event.dedupeKey).sort()).toEqual(
      ids
        .filter((id) => id !== broken)
        .map((id) => `reminder:${id}`)
        .sort(),
    );

    let failed = await db.outboxEvent.findUniqueOrThrow({ where: { id: broken } });
    expect(failed).toMatchObject({ doneAt: null, attempts: 1 });
    expect(failed.dueAt.getTime()).toBeGreaterThan(now.getTime());
    // Given up after the last try: done, with nothing sent.
    now = failed.dueAt;
    await worker(deps).runOnce();
    failed = await db.outboxEvent.findUniqueOrThrow({ where: { id: broken } });
    expect(failed).toMatchObject({ attempts: 2, doneAt: now });
    expect(await db.delivery.count({ where: { eventId: broken } })).toBe(0);
    // Nothing is planned twice when the follow-ups fall due later.
    expect(await db.delivery.count()).toBe(29);
  });

  it("prunes finished rows past 90 days and keeps the rest", async () => {
    const old = new Date(now.getTime() - 91 * 86_400_000);
    const oldEvent = await db.outboxEvent.create({ data: { kind: "inquiry.received", doneAt: old, createdAt: old } });
    const keptEvent = await db.outboxEvent.create({ data: { kind: "inquiry.received", doneAt: old, createdAt: old } });
    const base = { topic: "new_lead", medium: "WEBHOOK" as const, channelId, createdAt: old };
    await db.delivery.create({ data: { ...base, eventId: oldEvent.id, status: "SENT" } });
    await db.delivery.create({ data: { ...base, eventId: keptEvent.id, status: "RETRYING", nextAttemptAt: now } });
    const recent = await db.outboxEvent.create({ data: { kind: "inquiry.received", doneAt: now } });
    const deps = fakeDeps(channelId, () => ({ status: "retry", answer: "HTTP 503" }));
    await worker(deps).runOnce();
    expect((await db.outboxEvent.findMany({ select: { id: true } })).map((event) => event.id).sort()).toEqual(
      [keptEvent.id, recent.id].sort(),
    );
    expect(await db.delivery.findMany({ select: { eventId: true, status: true } })).toEqual([
      { eventId: keptEvent.id, status: "RETRYING" },
    ]);
  });

  it("runs on its own: a wake-up is delivered without waiting for the poll, and an outage only delays it", async () => {
    const deps = fakeDeps(channelId, () => ({ status: "sent", answer: "HTTP 200" }));
    let down = true;
    const source = async () => {
      if (down) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      return db;
    };
    const run = createWorker(source, {
      ...DEFAULT_WORKER_OPTIONS,
      deps,
      clock: () => new Date(),
      pollMs: 50,
      gapMs: 0,
    });
    await db.outboxEvent.create({ data: { kind: "inquiry.received" } });
    run.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(deps.attempts).toEqual([]);
      down = false;
      await expect.poll(() => deps.attempts.length, { timeout: 10_000 }).toBe(1);
      await run.stop();
      // The app's worker polls rarely here: only the wake-up an inquiry gives can bring the next one in time.
      let scheduled = 0;
      const app = startWorker(db, {
        deps: { ...deps, scheduleDailyEvents: async () => void (scheduled += 1) },
        pollMs: 60_000,
        gapMs: 0,
      });
      expect(app).not.toBeNull();
      expect(startWorker(db, { deps })).toBeNull();
      // Its first pass has begun (it schedules first) and has a few queries left to find nothing.
      await expect.poll(() => scheduled).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await db.outboxEvent.create({ data: { kind: "inquiry.received" } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(deps.attempts).toHaveLength(1);
      wakeWorker();
      await expect.poll(() => deps.attempts.length, { timeout: 5_000 }).toBe(2);
    } finally {
      await run.stop();
      await stopWorker();
    }
    expect(await db.delivery.count({ where: { status: "SENT" } })).toBe(2);
  });

  it("runs a pass an inquiry's request woke outside that request's context", async () => {
    // The request has ended by the time the pass runs: nothing scoped to it may follow the pass.
    const request = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const deps = fakeDeps(channelId, () => ({ status: "sent", answer: "HTTP 200" }), {
      scheduleDailyEvents: async () => void seen.push(request.getStore()),
    });
    const run = createWorker(db, {
      ...DEFAULT_WORKER_OPTIONS,
      deps,
      clock: () => new Date(),
      pollMs: 60_000,
      gapMs: 0,
      // Every pass schedules, so every pass says in which context it ran.
      scheduleEveryMs: 0,
    });
    run.start();
    try {
      await expect.poll(() => seen.length).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await db.outboxEvent.create({ data: { kind: "inquiry.received" } });
      request.run("POST /api/inquiries", () => run.wake());
      await expect.poll(() => deps.attempts.length, { timeout: 5_000 }).toBe(1);
    } finally {
      await run.stop();
    }
    // The first pass (at start) and the one the request woke.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((store) => store === undefined)).toBe(true);
  });
}

describe("notification worker on PGlite", () => workerSuite(() => openTestPglite()));
describeOnPostgres("notification worker on PostgreSQL", () => workerSuite(() => openTestPostgres()));
