import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditFilterSchema } from "@/lib/audit/filter";
import { auditLog } from "@/lib/audit/queries";
import type { Database } from "@/lib/db/client";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { assignLeads, claimLead } from "@/lib/leads/assign/mutations";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { moveLeadStage, moveLeadStageByKey, moveLeadsStage } from "@/lib/leads/stage/mutations";
import { NOTIFY_RULES_KEY } from "@/lib/notify/settings";
import { defaultDeps } from "@/lib/notify/worker/defaults";
import { createWorker, DEFAULT_WORKER_OPTIONS, type Worker } from "@/lib/notify/worker/worker";
import type { WebhookType } from "@/lib/webhooks/events";
import {
  rollSubscriptionSecret,
  saveSubscription,
  sendSubscriptionPing,
  setSubscriptionActive,
} from "@/lib/webhooks/mutations";
import { webhookPayloadSchema, type WebhookPayload } from "@/lib/webhooks/payload";
import { webhookSettings } from "@/lib/webhooks/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import {
  inquiryBody,
  makeListing,
  makePark,
  makeUser,
  uniqueIp,
  uniquePhone,
  type Person,
} from "../support/door-fixtures";

/*
 * Issue 13's "done when": a receiver on loopback gets one delivery of every event type, each caused for
 * real (inquiries, a claim and a reassignment, stage moves, a signing, an erasure), and verifies each
 * signature exactly as the README tells receivers to; the payloads parse with the API's own resource
 * schemas, and the erased lead's carries nothing of the person. Then the subscription's filters (events,
 * park, inactive), retries on a 500, and a delivery that goes dead flagging the subscription until a success.
 */

// The loopback receiver is plain http on 127.0.0.1, which the subscription's URL rule allows.
vi.spyOn(console, "log").mockImplementation(() => {});

/** The README's verification, word for word: on the raw body, with the timestamp within 5 minutes. */
function verifyParklead(headers: IncomingHttpHeaders, rawBody: string, secret: string): boolean {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const timestamp = String(headers["x-parklead-timestamp"] ?? "");
  const signature = String(headers["x-parklead-signature"] ?? "");
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const expected = "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
}

/** A receiver on loopback: every request recorded raw; each path answers from its script (the last repeats), else 200. */
async function startReceiver() {
  const requests: Received[] = [];
  const scripts = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      requests.push({ path, headers: request.headers, raw: Buffer.concat(chunks).toString("utf8") });
      const script = scripts.get(path) ?? [];
      const status = script.length > 1 ? script.shift()! : (script[0] ?? 200);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(status < 300 ? '{"ok":true}' : '{"error":"receiver down"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    answer: (path: string, statuses: number[]) => scripts.set(path, [...statuses]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const ALL: WebhookType[] = [
  "lead.created",
  "inquiry.created",
  "lead.stage_changed",
  "lead.assigned",
  "lead.signed",
  "lead.erased",
];

function webhooksSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let receiver: Receiver;
  let admin: Person;
  let manager: Person;
  let staff: Person;
  let worker: Worker;
  /** the worker's clock runs ahead of real time by this much: retries come due without waiting */
  let ahead = 1_000;

  const run = () => worker.runOnce();
  const received = (path: string) => receiver.requests.filter((request) => request.path === path);
  const payloads = (path: string) => received(path).map((request) => JSON.parse(request.raw) as WebhookPayload);

  async function subscribe(path: string, events: string[], parkId?: string) {
    const saved = await saveSubscription(db, admin, { name: `回调 ${path}`, url: receiver.url(path), events, parkId });
    if (!saved.ok || !saved.secret) throw new Error(`not saved: ${JSON.stringify(saved)}`);
    return { id: saved.id, secret: saved.secret, path };
  }

  async function inquire(phone: string, listingId?: string) {
    const body = { ...inquiryBody(phone), ...(listingId ? { listingId } : {}) };
    const result = await submitInquiry(db, body, { channel: "API", locale: "zh-CN", source: {}, clientIp: uniqueIp() });
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
    return db.inquiry.findUniqueOrThrow({ where: { id: result.id }, include: { lead: true } });
  }

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    receiver = await startReceiver();
    admin = await makeUser(db, "ADMIN");
    manager = await makeUser(db, "MANAGER");
    // An active officer: the intake gives each new lead an owner (round robin).
    staff = await makeUser(db, "STAFF");
    worker = createWorker(db, {
      ...DEFAULT_WORKER_OPTIONS,
      deps: { ...defaultDeps, scheduleDailyEvents: async () => {} },
      clock: () => new Date(Date.now() + ahead),
    });
  });
  beforeEach(async () => {
    // Each case sees only its own subscriptions' traffic.
    await db.webhookSubscription.updateMany({ data: { active: false } });
    await run();
    receiver.requests.length = 0;
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.cleanup();
  });

  it("[RECEIVER] gets one delivery of every event type, each signed with the subscription's secret, in the API's schemas", async () => {
    const everything = await subscribe("/all", ALL);
    const phone = uniquePhone();

    // A new lead (the intake gives it an owner) and a further inquiry on it.
    const first = await inquire(phone);
    expect(first.lead.ownerId).toBe(staff.id);
    await run();
    const second = await inquire(phone);
    await run();
    // A manager sends it to the pool and an officer claims it; then the manager gives it to someone else.
    expect(await assignLeads(db, manager, { leadIds: [first.leadId], ownerId: null })).toMatchObject({ ok: true });
    expect(await claimLead(db, staff, { leadId: first.leadId })).toMatchObject({ ok: true });
    await run();
    expect(await assignLeads(db, manager, { leadIds: [first.leadId], ownerId: manager.id })).toMatchObject({
      ok: true,
    });
    await run();
    // A stage move, then a signing.
    const won = await db.stage.findFirstOrThrow({ where: { category: "WON" } });
    const move = (fromStageKey: string, toStageKey: string, extra = {}) =>
      moveLeadStage(db, manager, { leadId: first.leadId, fromStageKey, toStageKey, ...extra });
    expect(await move("new", "contacted")).toMatchObject({ ok: true });
    await run();
    const signing = { signedArea: "2400", signedAreaUnit: "SQM", signedAnnualTax: "320" };
    expect(await move("contacted", won.key, signing)).toMatchObject({ ok: true });
    await run();
    const personal = [phone, first.contactName, first.company];
    expect(received("/all").some((request) => personal.every((value) => request.raw.includes(value)))).toBe(true);
    // The erasure.
    const erased = await eraseLeadPersonalData(db, admin, {
      leadId: first.leadId,
      confirm: first.company,
      reason: "投资方来电要求删除个人信息",
    });
    expect(erased).toMatchObject({ ok: true });
    await run();

    const requests = received("/all");
    for (const request of requests) {
      expect(verifyParklead(request.headers, request.raw, everything.secret), request.raw).toBe(true);
      expect(verifyParklead(request.headers, request.raw, "another secret")).toBe(false);
    }
    const got = requests.map((request) => JSON.parse(request.raw) as WebhookPayload);
    expect(got.map((payload) => payload.type).sort()).toEqual(
      [...ALL, "inquiry.created", "lead.assigned", "lead.assigned", "lead.stage_changed"].sort(),
    );
    for (const [index, payload] of got.entries()) {
      expect(webhookPayloadSchema.parse(payload)).toEqual(payload);
      expect(requests[index].headers["x-parklead-event"]).toBe(payload.type);
      expect(requests[index].headers["x-parklead-delivery"]).toBe(payload.id);
    }
    // Rendered from the lead as it was when sent: the contacts in the API's resource, the inquiry with its event.
    const created = got.find((payload) => payload.type === "lead.created")!;
    expect(created.data.lead).toMatchObject({ id: first.leadId, phone, company: first.company });
    expect(created.data.inquiry).toMatchObject({ id: first.id, leadId: first.leadId });
    const further = got.filter((payload) => payload.type === "inquiry.created").map((payload) => payload.data.inquiry);
    expect(further.map((inquiry) => inquiry?.id).sort()).toEqual([first.id, second.id].sort());
    const owners = got.filter((payload) => payload.type === "lead.assigned").map((payload) => payload.data.lead);
    expect(owners).toHaveLength(3);
    const signed = got.find((payload) => payload.type === "lead.signed")!;
    expect(signed.data).toMatchObject({ from: { key: "contacted" }, to: { key: won.key, category: "WON" } });
    expect(signed.data.lead).toMatchObject({ signedAnnualTax: "320", signedAt: expect.any(String) });
    // The erasure's event: the lead's id and erasure time, nothing of the person.
    const gone = requests.find((request) => (JSON.parse(request.raw) as WebhookPayload).type === "lead.erased")!;
    expect(JSON.parse(gone.raw).data).toEqual({ lead: { id: first.leadId, erasedAt: expect.any(String) } });
    for (const value of [...personal.slice(0, 2), first.email ?? phone, phone.slice(-8)])
      expect(gone.raw).not.toContain(value);
  });

  it("[RECEIVER] gets an event rendered after the erasure without the person, though it happened before", async () => {
    const hook = await subscribe("/late", ["lead.stage_changed", "lead.erased"]);
    const phone = uniquePhone();
    const inquiry = await inquire(phone);
    await run();
    expect(
      await moveLeadStage(db, manager, { leadId: inquiry.leadId, fromStageKey: "new", toStageKey: "contacted" }),
    ).toMatchObject({ ok: true });
    // Erased before the worker came round to the move.
    await eraseLeadPersonalData(db, admin, {
      leadId: inquiry.leadId,
      confirm: inquiry.company,
      reason: "投资方要求删除",
    });
    await run();
    const got = received("/late");
    expect(got.map((request) => JSON.parse(request.raw).type).sort()).toEqual(["lead.erased", "lead.stage_changed"]);
    for (const request of got) {
      expect(verifyParklead(request.headers, request.raw, hook.secret)).toBe(true);
      expect(JSON.parse(request.raw).data.lead).toEqual({ id: inquiry.leadId, erasedAt: expect.any(String) });
      for (const value of [phone, phone.slice(-8), inquiry.contactName]) expect(request.raw).not.toContain(value);
    }
  });

  it("[RECEIVER] hears of bulk moves and of moves made through the API like the board's", async () => {
    const hook = await subscribe("/moves", ["lead.stage_changed", "lead.signed"]);
    const [one, two] = [await inquire(uniquePhone()), await inquire(uniquePhone())];
    await run();
    const bulk = await moveLeadsStage(db, manager, { leadIds: [one.leadId, two.leadId], toStageKey: "contacted" });
    expect(bulk).toEqual({ ok: true, moved: 2 });
    const won = await db.stage.findFirstOrThrow({ where: { category: "WON" } });
    const byKey = await moveLeadStageByKey(
      db,
      { keyId: "key-of-a-partner", name: "市招商平台", parkId: null },
      { leadId: one.leadId, toStageKey: won.key, signedArea: "12", signedAreaUnit: "MU", signedAnnualTax: "150" },
    );
    expect(byKey).toMatchObject({ ok: true });
    await run();
    const got = received(hook.path).map((request) => JSON.parse(request.raw) as WebhookPayload);
    expect(got.map((payload) => [payload.type, payload.data.lead?.id, payload.data.to?.key]).sort()).toEqual(
      [
        ["lead.stage_changed", one.leadId, "contacted"],
        ["lead.stage_changed", two.leadId, "contacted"],
        ["lead.stage_changed", one.leadId, won.key],
        ["lead.signed", one.leadId, won.key],
      ].sort(),
    );
  });

  it("[ADMIN] filters by events and by park, and sends nothing to an inactive subscription", async () => {
    const park = await makePark(db);
    const { listing } = await makeListing(db, park.id);
    await db.listing.update({ where: { id: listing.id }, data: { published: true } });
    const inquiries = await subscribe("/inquiries", ["inquiry.created"]);
    const parkOnly = await subscribe("/park", ALL, park.id);
    const otherPark = await makePark(db);
    const elsewhere = await subscribe("/elsewhere", ALL, otherPark.id);
    const paused = await subscribe("/paused", ALL);
    expect(await setSubscriptionActive(db, admin, { subscriptionId: paused.id, active: false })).toEqual({ ok: true });

    const inPark = await inquire(uniquePhone(), listing.id);
    expect(inPark.lead.parkId).toBe(park.id);
    const outside = await inquire(uniquePhone());
    expect(outside.lead.parkId).not.toBe(park.id);
    await run();

    expect(
      payloads(inquiries.path)
        .map((payload) => [payload.type, payload.data.lead?.id])
        .sort(),
    ).toEqual(
      [
        ["inquiry.created", inPark.leadId],
        ["inquiry.created", outside.leadId],
      ].sort(),
    );
    expect(new Set(payloads(parkOnly.path).map((payload) => payload.data.lead?.id))).toEqual(new Set([inPark.leadId]));
    expect(
      payloads(parkOnly.path)
        .map((payload) => payload.type)
        .sort(),
    ).toEqual(["inquiry.created", "lead.assigned", "lead.created"].sort());
    expect(received(elsewhere.path)).toEqual([]);
    expect(received(paused.path)).toEqual([]);
    expect(await db.delivery.count({ where: { subscriptionId: paused.id } })).toBe(0);
  });

  it("[ADMIN] retries after a 500 and delivers with the same id; a ping reaches a subscription whatever it asked for", async () => {
    const flaky = await subscribe("/flaky", ["inquiry.created"]);
    receiver.answer("/flaky", [500, 200]);
    const inquiry = await inquire(uniquePhone());
    await run();
    const delivery = await db.delivery.findFirstOrThrow({ where: { subscriptionId: flaky.id } });
    expect(delivery).toMatchObject({ status: "RETRYING", attempts: 1, answer: 'HTTP 500: {"error":"receiver down"}' });
    ahead += 3_600_000;
    await run();
    expect(await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
    const tries = received("/flaky");
    expect(tries.map((request) => request.headers["x-parklead-delivery"])).toEqual([delivery.id, delivery.id]);
    expect(JSON.parse(tries[1].raw).data.inquiry.id).toBe(inquiry.id);

    expect(await sendSubscriptionPing(db, admin, { subscriptionId: flaky.id })).toEqual({ ok: true });
    await run();
    const ping = received("/flaky").at(-1)!;
    expect(JSON.parse(ping.raw)).toMatchObject({ type: "ping", data: { subscriptionId: flaky.id } });
    expect(verifyParklead(ping.headers, ping.raw, flaky.secret)).toBe(true);
  });

  it("[ADMIN] sees a subscription flagged when a delivery went dead after the last try, until a send succeeds", async () => {
    await db.setting.upsert({
      where: { key: NOTIFY_RULES_KEY },
      create: { key: NOTIFY_RULES_KEY, value: { maxAttempts: 2 } },
      update: { value: { maxAttempts: 2 } },
    });
    try {
      const down = await subscribe("/down", ["inquiry.created"]);
      receiver.answer("/down", [503]);
      await inquire(uniquePhone());
      await run();
      ahead += 3_600_000;
      await run();
      const dead = await db.delivery.findFirstOrThrow({ where: { subscriptionId: down.id } });
      expect(dead).toMatchObject({ status: "DEAD", attempts: 2 });
      const shown = (await webhookSettings(db, admin)).subscriptions.find((row) => row.id === down.id)!;
      expect(shown).toMatchObject({ failure: 'HTTP 503: {"error":"receiver down"}', failedAt: expect.any(Date) });
      expect(shown.deliveries).toMatchObject([{ id: dead.id, status: "DEAD", attempts: 2 }]);

      // The receiver is back: the next delivery succeeds and clears the flag.
      receiver.answer("/down", [200]);
      await inquire(uniquePhone());
      await run();
      expect(await db.webhookSubscription.findUniqueOrThrow({ where: { id: down.id } })).toMatchObject({
        failure: null,
        failedAt: null,
      });
    } finally {
      await db.setting.delete({ where: { key: NOTIFY_RULES_KEY } });
    }
  });

  it("[ADMIN] reads every change to a subscription in the audit log, in both languages, never its URL or secret", async () => {
    const hook = await subscribe("/audited", ["lead.created"]);
    const url = receiver.url("/audited-too");
    expect(
      await saveSubscription(db, admin, {
        subscriptionId: hook.id,
        name: "集团 CRM",
        url,
        events: ["lead.created", "lead.signed"],
      }),
    ).toMatchObject({ ok: true, changed: true });
    const rolled = await rollSubscriptionSecret(db, admin, { subscriptionId: hook.id });
    if (!rolled.ok) throw new Error("not rolled");
    expect(rolled.secret).not.toBe(hook.secret);
    await sendSubscriptionPing(db, admin, { subscriptionId: hook.id });
    await setSubscriptionActive(db, admin, { subscriptionId: hook.id, active: false });
    expect(await sendSubscriptionPing(db, admin, { subscriptionId: hook.id })).toEqual({
      ok: false,
      fieldErrors: { subscriptionId: "subscriptionInactive" },
    });

    const filter = auditFilterSchema.parse({ entity: "webhookSubscription" });
    const read = async (locale: "zh-CN" | "en") =>
      (await auditLog(db, admin, filter, locale)).entries.slice(0, 5).map(({ sentence, changes }) => ({
        sentence: sentence.replace(`${admin.name} `, ""),
        changes,
      }));
    expect(await read("zh-CN")).toEqual([
      { sentence: "停用了 Webhook 订阅 集团 CRM", changes: [] },
      { sentence: "向 Webhook 订阅 集团 CRM 发送了测试事件", changes: [] },
      { sentence: "更换了 Webhook 订阅 集团 CRM 的签名密钥", changes: [] },
      {
        sentence: "修改了 Webhook 订阅 集团 CRM",
        changes: ["地址：已更换", "名称：回调 /audited → 集团 CRM", "事件：lead.created → lead.created、lead.signed"],
      },
      { sentence: "新建了 Webhook 订阅 回调 /audited", changes: ["事件：lead.created"] },
    ]);
    const [latest] = await read("en");
    expect(latest.sentence).toBe("deactivated the webhook subscription 集团 CRM");
    const details = JSON.stringify(await db.auditEntry.findMany({ where: { entityId: hook.id } }));
    for (const secret of [hook.secret, rolled.secret, url, receiver.url("/audited")])
      expect(details).not.toContain(secret);
  });
}

describe("outbound webhooks on PGlite", () => webhooksSuite(() => openTestPglite()));
describeOnPostgres("outbound webhooks on PostgreSQL", () => webhooksSuite(() => openTestPostgres()));
