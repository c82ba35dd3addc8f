import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { DeliveryMedium, DeliveryStatus } from "@/lib/db/generated/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { DELIVERY_PAGE_SIZE, listDeliveries, type DeliveryRow } from "@/lib/notify/admin/log";
import type { DeliveryFilter } from "@/lib/notify/admin/schema";
import NotificationSettingsPage from "@/app/crm/settings/notifications/page";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeLead, makeUser, type Person } from "../support/door-fixtures";
import { makeInquiry } from "../support/inquiry-status-fixtures";
import { renderInLocale } from "../support/render-server";

/*
 * The delivery log: newest first, paged by (createdAt, id) without a row lost or repeated, filtered by
 * status, recipient and topic, and showing no person's values beyond masked ones — on both databases.
 */

const door = vi.hoisted(() => ({
  opened: undefined as OpenedDatabase | undefined,
  claims: null as SessionClaims | null,
}));
vi.mock("@/lib/db/client", () => ({
  getOpenedDatabase: async () => door.opened,
  getDb: async () => door.opened!.db,
}));
vi.mock("next-auth", () => ({ getServerSession: async () => door.claims, default: () => undefined }));
vi.mock("@/lib/auth/options", () => ({ authOptions: async () => ({}), SESSION_HOURS: 12 }));
vi.mock("next/headers", async () => ({
  cookies: (await import("../support/render-server")).localeCookies,
  headers: async () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect to ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
  useRouter: () => ({ refresh: () => {} }),
}));

const STATUSES: DeliveryStatus[] = ["SENT", "RETRYING", "DEAD", "PENDING", "SENDING", "SKIPPED"];
const ROWS = 130;
const START = Date.UTC(2026, 11, 1, 2, 0, 0);
const INVESTOR_EMAIL = "13812345678@139.com";

function logSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let admin: Person;
  let channels: { robot: string; hook: string };
  /** every delivery made, newest first as the log orders them */
  let made: { id: string; status: DeliveryStatus; topic: string; medium: DeliveryMedium; channelId: string | null }[];

  const all = async (filter: DeliveryFilter) => {
    const rows: DeliveryRow[] = [];
    let before: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listDeliveries(db, admin, filter, before);
      rows.push(...page);
      if (page.length < DELIVERY_PAGE_SIZE) return rows;
      const last = page.at(-1)!;
      before = { createdAt: last.createdAt, id: last.id };
    }
  };

  beforeAll(async () => {
    database = await open();
    door.opened = database.opened;
    db = database.opened.db;
    admin = await makeUser(db, "ADMIN");
    const officer = await makeUser(db, "STAFF");
    const [robot, hook] = await Promise.all([
      db.notifyChannel.create({ data: { kind: "WECOM", name: "日志机器人", urlSealed: "v1.a.b.c" } }),
      db.notifyChannel.create({ data: { kind: "WEBHOOK", name: "日志回调", urlSealed: "v1.a.b.c" } }),
    ]);
    channels = { robot: robot.id, hook: hook.id };
    const lead = await makeLead(db, officer.id);
    const inquiry = await makeInquiry(db, lead, { email: INVESTOR_EMAIL });
    const event = await db.outboxEvent.create({ data: { kind: "inquiry.received", leadId: lead.id } });
    made = [];
    for (let index = 0; index < ROWS; index++) {
      const status = STATUSES[index % STATUSES.length];
      const to = index % 3;
      const medium: DeliveryMedium = to === 0 ? "WECOM" : to === 1 ? "EMAIL" : "WEBHOOK";
      const topic = index % 4 === 0 ? "new_lead" : index % 4 === 1 ? "receipt" : "test";
      const delivery = await db.delivery.create({
        data: {
          eventId: event.id,
          topic,
          medium,
          status,
          attempts: index % 5,
          channelId: to === 0 ? robot.id : to === 2 ? hook.id : null,
          // Mail goes to the officer, or for a receipt to the investor (read from the inquiry).
          userId: to === 1 && topic !== "receipt" ? officer.id : null,
          inquiryId: to === 1 && topic === "receipt" ? inquiry.id : null,
          leadId: lead.id,
          // Every five rows share a time, so paging must order by the id within one instant.
          createdAt: new Date(START + Math.floor(index / 5) * 60_000),
          answer: status === "DEAD" ? `550 mailbox ${INVESTOR_EMAIL} unknown, call 13812345678` : null,
        },
      });
      made.push({ id: delivery.id, status, topic, medium, channelId: delivery.channelId });
    }
    const times = new Map(
      (await db.delivery.findMany({ select: { id: true, createdAt: true } })).map((row) => [row.id, row.createdAt]),
    );
    made.sort((a, b) => times.get(b.id)!.getTime() - times.get(a.id)!.getTime() || (a.id < b.id ? 1 : -1));
  });
  afterAll(async () => {
    door.opened = undefined;
    await database?.cleanup();
  });

  it("[ADMIN] pages through every delivery newest first, each exactly once", async () => {
    const first = await listDeliveries(db, admin, {});
    expect(first).toHaveLength(DELIVERY_PAGE_SIZE);
    expect((await all({})).map((row) => row.id)).toEqual(made.map((row) => row.id));
  });

  it("[ADMIN] filters by status: pending includes a delivery being sent; the others are exact", async () => {
    const ids = async (filter: DeliveryFilter) => (await all(filter)).map((row) => row.id);
    expect(await ids({ status: "pending" })).toEqual(
      made.filter((row) => row.status === "PENDING" || row.status === "SENDING").map((row) => row.id),
    );
    for (const [status, stored] of [
      ["sent", "SENT"],
      ["retrying", "RETRYING"],
      ["dead", "DEAD"],
      ["skipped", "SKIPPED"],
    ] as const)
      expect(await ids({ status })).toEqual(made.filter((row) => row.status === stored).map((row) => row.id));
  });

  it("[ADMIN] filters by channel, by mail and by topic, together with the status", async () => {
    const ids = async (filter: DeliveryFilter) => (await all(filter)).map((row) => row.id);
    expect(await ids({ to: channels.robot })).toEqual(
      made.filter((row) => row.channelId === channels.robot).map((row) => row.id),
    );
    expect(await ids({ to: "email" })).toEqual(made.filter((row) => row.medium === "EMAIL").map((row) => row.id));
    const retriedReceipts = made.filter((row) => row.topic === "receipt" && row.status === "RETRYING");
    expect(retriedReceipts.length).toBeGreaterThan(0);
    expect(await ids({ topic: "receipt", status: "retrying" })).toEqual(retriedReceipts.map((row) => row.id));
    expect(await ids({ to: channels.hook, topic: "new_lead" })).toEqual(
      made.filter((row) => row.channelId === channels.hook && row.topic === "new_lead").map((row) => row.id),
    );
  });

  it("[ADMIN] shows recipients in words with the investor's email masked, and masks what a server quoted back", async () => {
    const rows = await all({});
    const receipt = rows.find((row) => row.topic === "receipt" && row.to.kind === "investor");
    expect(receipt?.to).toEqual({ kind: "investor", email: "13****78@139.com" });
    expect(rows.find((row) => row.to.kind === "channel")?.to).toMatchObject({ name: expect.stringMatching(/^日志/) });
    const dead = rows.find((row) => row.status === "DEAD")!;
    expect(dead.answer).toBe("550 mailbox 13****78@139.com unknown, call 138****5678");
    // A next try is shown only while one is to come.
    expect(rows.filter((row) => row.status === "SENT").every((row) => row.nextAttemptAt === null)).toBe(true);
    expect(rows.filter((row) => row.status === "RETRYING").every((row) => row.nextAttemptAt !== null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("13812345678");
  });

  it("[ADMIN] the page: filters kept in the older link, a bad filter said so, no full address or phone", async () => {
    door.claims = { userId: admin.id, sessionVersion: 0 };
    const html = await renderInLocale(
      await NotificationSettingsPage({ searchParams: Promise.resolve({ to: "email" }) }),
      "zh-CN",
    );
    expect(html).not.toContain("13812345678");
    expect(html).toContain(`投资方 13****78@139.com`);
    const dead = await renderInLocale(
      await NotificationSettingsPage({ searchParams: Promise.resolve({ status: "dead" }) }),
      "zh-CN",
    );
    expect(dead).toContain("550 mailbox 13****78@139.com unknown, call 138****5678");
    expect(dead).not.toContain("13812345678");
    expect(dead).toContain(zhCN.notifySettings.log.statuses.DEAD);
    expect(dead).not.toContain(`data-status="SENT"`);
    const older = await renderInLocale(
      await NotificationSettingsPage({ searchParams: Promise.resolve({ topic: "test" }) }),
      "zh-CN",
    );
    const link = /href="\/crm\/settings\/notifications\?topic=test&amp;before=(\d+%7E[A-Za-z0-9]+)#log"/.exec(older);
    expect(link).not.toBeNull();
    // The next page, as the browser asks for it: the rest of the test messages, none of the first page's.
    const next = await renderInLocale(
      await NotificationSettingsPage({
        searchParams: Promise.resolve({ topic: "test", before: decodeURIComponent(link![1]) }),
      }),
      "zh-CN",
    );
    const shown = (html: string) => [...html.matchAll(/data-delivery="([^"]+)"/g)].map((match) => match[1]);
    const tests = made.filter((row) => row.topic === "test").map((row) => row.id);
    expect([...shown(older), ...shown(next)]).toEqual(tests);
    expect(next).toContain(zhCN.notifySettings.log.newest);
    const bad = await renderInLocale(
      await NotificationSettingsPage({ searchParams: Promise.resolve({ status: "lost", before: "yesterday" }) }),
      "zh-CN",
    );
    expect(bad).toContain(zhCN.notifySettings.log.badFilter);
    expect(bad.match(/data-delivery=/g)).toHaveLength(DELIVERY_PAGE_SIZE);
  });

  it("[MANAGER] may not read the log", async () => {
    const manager = await makeUser(db, "MANAGER");
    await expect(listDeliveries(db, manager, {})).rejects.toThrow(/Access denied/);
  });
}

describe("the delivery log on PGlite", () => logSuite(() => openTestPglite()));
describeOnPostgres("the delivery log on PostgreSQL", () => logSuite(() => openTestPostgres()));
