import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { unseal } from "@/lib/auth/seal";
import type { SessionClaims } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import {
  deleteChannelAction,
  saveChannelAction,
  saveMailServerAction,
  saveNotifyRulesAction,
  sendChannelTestAction,
  sendTestMailAction,
  setChannelActiveAction,
} from "@/lib/notify/admin/actions";
import { listDeliveries } from "@/lib/notify/admin/log";
import { notificationSettings } from "@/lib/notify/admin/queries";
import { channelTargets, closeMailTransport, mailSender, sendToChannel } from "@/lib/notify/channels";
import { planEvents } from "@/lib/notify/plan";
import { combineGroupMessages, renderDeliveries } from "@/lib/notify/render";
import { MAIL_SERVER_KEY, NOTIFY_RULES_KEY } from "@/lib/notify/settings";
import { createWorker, DEFAULT_WORKER_OPTIONS } from "@/lib/notify/worker/worker";
import NotificationSettingsPage from "@/app/crm/settings/notifications/page";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeUser, unique, type Person } from "../support/door-fixtures";
import { startRobotReceiver } from "../support/notify-receivers";
import { renderInLocale } from "../support/render-server";
import { startSmtpReceiver, type SmtpReceiver } from "../support/smtp-receiver";

/*
 * The admins' notification settings through their real doors (the server actions, the page's reads,
 * the page itself) on a real database, and a test message carried by the real worker, senders and
 * loopback receivers into the delivery log. Only Next's request plumbing is replaced: the session
 * (the claims of the user playing the part, checked against the database), cookies and revalidation.
 */

const door = vi.hoisted(() => ({
  opened: undefined as OpenedDatabase | undefined,
  claims: null as SessionClaims | null,
  notify: "on" as "on" | "off",
}));
vi.mock("@/lib/db/client", () => ({
  getOpenedDatabase: async () => door.opened,
  getDb: async () => {
    if (!door.opened) throw new Error("no test database is open");
    return door.opened.db;
  },
}));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return {
    ...original,
    env: () => ({
      ...original.env(),
      PARKLEAD_NOTIFY: door.notify,
      PARKLEAD_SMTP_URL: undefined,
      PARKLEAD_MAIL_FROM: undefined,
    }),
  };
});
vi.mock("next-auth", () => ({ getServerSession: async () => door.claims, default: () => undefined }));
vi.mock("@/lib/auth/options", () => ({ authOptions: async () => ({}), SESSION_HOURS: 12 }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
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
  useRouter: () => ({ refresh: () => {}, push: () => {}, replace: () => {} }),
}));

const ROBOT_KEY = "d1ngta1kRobotKey0123456789abcdef";
const ROBOT_URL = `https://oapi.dingtalk.com/robot/send?access_token=${ROBOT_KEY}`;
const ROBOT_SECRET = "SEC0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const SMTP_PASSWORD = "smtp-pa55word-never-shown";

const worker = (db: Database) =>
  createWorker(db, {
    ...DEFAULT_WORKER_OPTIONS,
    deps: {
      planEvents,
      renderDeliveries,
      combineGroupMessages,
      scheduleDailyEvents: async () => {},
      mailSender,
      channelTargets,
      sendToChannel,
    },
  });

function settingsSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let admin: Person;
  let smtp: SmtpReceiver;
  const as = (person: Person | null) => {
    door.claims = person ? { userId: person.id, sessionVersion: 0 } : null;
  };
  const page = async (params: Record<string, string> = {}) =>
    renderInLocale(await NotificationSettingsPage({ searchParams: Promise.resolve(params) }), "zh-CN");
  const audits = (entityId: string) => db.auditEntry.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });
  const addChannel = async (fields: Record<string, unknown> = {}) => {
    const answer = await saveChannelAction({
      kind: "DINGTALK",
      name: unique("招商群").slice(0, 60),
      url: ROBOT_URL,
      secret: ROBOT_SECRET,
      ...fields,
    });
    if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer)}`);
    return (answer as { id: string }).id;
  };

  beforeAll(async () => {
    database = await open();
    door.opened = database.opened;
    db = database.opened.db;
    admin = await makeUser(db, "ADMIN");
    smtp = await startSmtpReceiver();
  });
  afterEach(() => {
    door.notify = "on";
    as(admin);
  });
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    door.opened = undefined;
    await database?.cleanup();
  });

  describe("channels", () => {
    it("[ADMIN] adds a robot: the database holds its URL and secret sealed, the page and the audit log never show them", async () => {
      as(admin);
      const id = await addChannel({ name: "平湖招商群" });
      const row = await db.notifyChannel.findUniqueOrThrow({ where: { id } });
      expect(JSON.stringify(row)).not.toContain(ROBOT_KEY);
      expect(JSON.stringify(row)).not.toContain(ROBOT_SECRET);
      expect(unseal(row.urlSealed)).toBe(ROBOT_URL);
      expect(unseal(row.secretSealed!)).toBe(ROBOT_SECRET);
      expect(row).toMatchObject({ kind: "DINGTALK", name: "平湖招商群", parkId: null, active: true, fromEnv: false });

      const shown = (await notificationSettings(db, admin)).channels.find((channel) => channel.id === id);
      expect(shown).toMatchObject({ url: `oapi.dingtalk.com …${ROBOT_KEY.slice(-4)}`, hasSecret: true, used: false });
      expect(JSON.stringify(shown)).not.toContain(ROBOT_KEY.slice(0, 12));
      const html = await page();
      expect(html).toContain("平湖招商群");
      expect(html).toContain(`oapi.dingtalk.com …${ROBOT_KEY.slice(-4)}`);
      expect(html).not.toContain(ROBOT_KEY);
      expect(html).not.toContain(ROBOT_SECRET);
      const [entry] = await audits(id);
      expect(entry).toMatchObject({ action: "channel.create", actorId: admin.id });
      expect(JSON.stringify(entry.details)).not.toContain(ROBOT_KEY);
      expect(JSON.stringify(entry.details)).not.toContain(ROBOT_SECRET);
    });

    it("[ADMIN] edits a channel with the URL and secret left blank: both are kept; a new URL replaces it and clears the refusal", async () => {
      as(admin);
      const park = await db.park.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
      const id = await addChannel();
      await db.notifyChannel.update({ where: { id }, data: { failure: "token is not exist", failedAt: new Date() } });
      expect(
        await saveChannelAction({
          channelId: id,
          kind: "DINGTALK",
          name: "园区一群",
          parkId: park.id,
          url: "",
          secret: "",
        }),
      ).toEqual({ ok: true, id, changed: true });
      let row = await db.notifyChannel.findUniqueOrThrow({ where: { id } });
      expect(unseal(row.urlSealed)).toBe(ROBOT_URL);
      expect(unseal(row.secretSealed!)).toBe(ROBOT_SECRET);
      expect(row).toMatchObject({ name: "园区一群", parkId: park.id, failure: "token is not exist" });

      const next = "https://oapi.dingtalk.com/robot/send?access_token=an0therRobotKey9876";
      expect(
        await saveChannelAction({
          channelId: id,
          kind: "DINGTALK",
          name: "园区一群",
          parkId: park.id,
          url: next,
          clearSecret: true,
        }),
      ).toEqual({ ok: true, id, changed: true });
      row = await db.notifyChannel.findUniqueOrThrow({ where: { id } });
      expect(unseal(row.urlSealed)).toBe(next);
      expect(row).toMatchObject({ secretSealed: null, failure: null, failedAt: null });
      const update = (await audits(id)).filter((entry) => entry.action === "channel.update");
      expect(update.at(-1)?.details).toEqual({ url: "replaced", secret: "removed" });
      expect(JSON.stringify(update)).not.toContain("an0therRobotKey9876");
      expect(await saveChannelAction({ channelId: id, kind: "DINGTALK", name: "园区一群", parkId: park.id })).toEqual({
        ok: true,
        id,
        changed: false,
      });
    });

    it("[ADMIN] is told what is wrong with each input, in words the catalogue has", async () => {
      as(admin);
      const before = await db.notifyChannel.count();
      const cases: [Record<string, unknown>, Record<string, string>][] = [
        [{ kind: "WECOM", name: "群", url: "" }, { url: "required" }],
        [{ kind: "WECOM", name: "群", url: "ftp://qyapi.weixin.qq.com/x" }, { url: "channelUrl" }],
        [{ kind: "WECOM", name: "群", url: "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1" }, { url: "channelUrl" }],
        [{ kind: "WECOM", name: " ", url: ROBOT_URL }, { name: "required" }],
        [{ kind: "SLACK", name: "群", url: ROBOT_URL }, { kind: "choice" }],
        [{ kind: "WECOM", name: "群", url: ROBOT_URL, parkId: "no-such-park" }, { parkId: "notFound" }],
        [{ kind: "WECOM", name: "群", url: ROBOT_URL, secret: "SECx", clearSecret: true }, { secret: "secretBoth" }],
        [{ kind: "WECOM", name: "群", url: ROBOT_URL, owner: "x" }, { owner: "unknownField" }],
      ];
      for (const [input, fieldErrors] of cases) {
        expect(await saveChannelAction(input), JSON.stringify(input)).toEqual({ ok: false, fieldErrors });
        for (const key of Object.values(fieldErrors)) expect(zhCN.validation).toHaveProperty(key);
      }
      expect(await db.notifyChannel.count()).toBe(before);
    });

    it("[ADMIN] saves a vendor kind on another host (a government gateway) as it is", async () => {
      as(admin);
      const id = await addChannel({
        kind: "FEISHU",
        url: "https://gateway.gov.example/open-apis/bot/v2/hook/abcdef123456",
      });
      expect((await db.notifyChannel.findUniqueOrThrow({ where: { id } })).kind).toBe("FEISHU");
    });

    it("[ADMIN] the operator's channel is shown read-only: no edit, deactivation or deletion", async () => {
      as(admin);
      const env = await db.notifyChannel.create({
        data: { kind: "WECOM", name: "PARKLEAD_NOTIFY_URL", fromEnv: true, urlSealed: "v1.x.y.z" },
      });
      const before = await db.notifyChannel.findUniqueOrThrow({ where: { id: env.id } });
      const refused = { ok: false, fieldErrors: { channelId: "envChannel" } };
      expect(await saveChannelAction({ channelId: env.id, kind: "WECOM", name: "改名", url: ROBOT_URL })).toEqual(
        refused,
      );
      expect(await setChannelActiveAction({ channelId: env.id, active: false })).toEqual(refused);
      expect(await deleteChannelAction({ channelId: env.id })).toEqual(refused);
      expect(await db.notifyChannel.findUniqueOrThrow({ where: { id: env.id } })).toEqual(before);
      const html = await page();
      expect(html).toContain(zhCN.notifySettings.channels.fromEnv);
      // Sealed under no secret this server has: shown as unreadable, not as an error page.
      expect(html).toContain(zhCN.notifySettings.channels.unreadable);
      await db.notifyChannel.delete({ where: { id: env.id } });
    });

    it("[ADMIN] deactivates and reactivates a channel; deletes only one nothing was sent to", async () => {
      as(admin);
      const used = await addChannel();
      expect(await setChannelActiveAction({ channelId: used, active: false })).toEqual({ ok: true });
      expect((await db.notifyChannel.findUniqueOrThrow({ where: { id: used } })).active).toBe(false);
      expect(await setChannelActiveAction({ channelId: used, active: true })).toEqual({ ok: true });
      expect((await audits(used)).map((entry) => entry.action)).toEqual([
        "channel.create",
        "channel.deactivate",
        "channel.activate",
      ]);
      const event = await db.outboxEvent.create({ data: { kind: "channel.test", data: { channelId: used } } });
      await db.delivery.create({
        data: { eventId: event.id, topic: "test", medium: "DINGTALK", channelId: used, status: "SENT" },
      });
      expect(await deleteChannelAction({ channelId: used })).toEqual({
        ok: false,
        fieldErrors: { channelId: "channelUsed" },
      });
      expect(await db.notifyChannel.count({ where: { id: used } })).toBe(1);

      const unused = await addChannel();
      expect(await deleteChannelAction({ channelId: unused })).toEqual({ ok: true });
      expect(await db.notifyChannel.count({ where: { id: unused } })).toBe(0);
      expect(await deleteChannelAction({ channelId: unused })).toEqual({
        ok: false,
        fieldErrors: { channelId: "notFound" },
      });
    });
  });

  describe("test messages", () => {
    it("[ADMIN] tests a 钉钉 robot: the event is recorded, the robot receives it signed, and the log shows it sent", async () => {
      as(admin);
      const robot = await startRobotReceiver({ kind: "DINGTALK", secret: "SECloopback" });
      try {
        const id = await addChannel({ name: "测试机器人", url: robot.url, secret: "SECloopback" });
        expect(await sendChannelTestAction({ channelId: id })).toEqual({ ok: true });
        const events = await db.outboxEvent.findMany({ where: { kind: "channel.test", actorId: admin.id } });
        expect(events.map((event) => event.data)).toContainEqual({ channelId: id });
        await worker(db).runOnce();
        expect(robot.received).toHaveLength(1);
        const [row] = await listDeliveries(db, admin, { to: id });
        expect(row).toMatchObject({
          topic: "test",
          status: "SENT",
          attempts: 1,
          to: { kind: "channel", name: "测试机器人" },
        });
        const html = await page({ to: id });
        expect(html).toContain(zhCN.notifySettings.topics.test);
        expect(html).toContain(zhCN.notifySettings.log.statuses.SENT);
      } finally {
        await robot.close();
      }
    });

    it("[ADMIN] a robot that refuses the key: the delivery is dead and the page shows the vendor's answer prominently", async () => {
      as(admin);
      const robot = await startRobotReceiver({ kind: "DINGTALK", secret: "SECloopback", behaviour: "bad-key" });
      try {
        const id = await addChannel({ name: "失效机器人", url: robot.url, secret: "SECloopback" });
        expect(await sendChannelTestAction({ channelId: id })).toEqual({ ok: true });
        await worker(db).runOnce();
        const [row] = await listDeliveries(db, admin, { to: id, status: "dead" });
        expect(row).toMatchObject({ status: "DEAD", to: { name: "失效机器人" } });
        expect(row.answer).toBeTruthy();
        const channel = await db.notifyChannel.findUniqueOrThrow({ where: { id } });
        expect(channel.failure).toBeTruthy();
        const html = await page();
        // The vendor's JSON answer, as the page escapes it.
        const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
        expect(html).toContain(`钉钉答复：${escaped(channel.failure!)}`);
        expect(html).toContain(escaped(row.answer!));
      } finally {
        await robot.close();
      }
    });

    it("[ADMIN] refused tests: a deactivated channel, notifications off, a missing channel; nothing recorded", async () => {
      as(admin);
      const id = await addChannel();
      await setChannelActiveAction({ channelId: id, active: false });
      const before = await db.outboxEvent.count();
      expect(await sendChannelTestAction({ channelId: id })).toEqual({
        ok: false,
        fieldErrors: { channelId: "channelInactive" },
      });
      expect(await sendChannelTestAction({ channelId: "nope" })).toEqual({
        ok: false,
        fieldErrors: { channelId: "notFound" },
      });
      door.notify = "off";
      await setChannelActiveAction({ channelId: id, active: true });
      expect(await sendChannelTestAction({ channelId: id })).toEqual({ ok: false, fieldErrors: { form: "notifyOff" } });
      expect(await sendTestMailAction(undefined)).toEqual({ ok: false, fieldErrors: { form: "notifyOff" } });
      expect(await db.outboxEvent.count()).toBe(before);
    });
  });

  describe("the mail server", () => {
    it("[ADMIN] without a mail server the page warns and a test mail is refused", async () => {
      as(admin);
      await db.setting.deleteMany({ where: { key: MAIL_SERVER_KEY } });
      expect(await page()).toContain(zhCN.notifySettings.mail.notConfigured);
      expect(await sendTestMailAction(undefined)).toEqual({ ok: false, fieldErrors: { form: "mailNotConfigured" } });
    });

    it("[ADMIN] validates the SMTP URL and the sender", async () => {
      as(admin);
      const cases: [Record<string, unknown>, Record<string, string>][] = [
        [{ url: "http://smtp.park.test", from: "a@park.test" }, { url: "smtpUrl" }],
        [{ url: "smtp://", from: "a@park.test" }, { url: "smtpUrl" }],
        [{ url: "smtp://smtp.park.test", from: "园区招商" }, { from: "mailFrom" }],
        [{ url: "smtp://smtp.park.test", from: "园区招商 <not an address>" }, { from: "mailFrom" }],
        [{ url: "smtp://smtp.park.test", from: "" }, { from: "required" }],
        [{ from: "a@park.test" }, { url: "required" }],
      ];
      await db.setting.deleteMany({ where: { key: MAIL_SERVER_KEY } });
      for (const [input, fieldErrors] of cases) {
        expect(await saveMailServerAction(input), JSON.stringify(input)).toEqual({ ok: false, fieldErrors });
        for (const key of Object.values(fieldErrors)) expect(zhCN.validation).toHaveProperty(key);
      }
      expect(await db.setting.count({ where: { key: MAIL_SERVER_KEY } })).toBe(0);
    });

    it("[ADMIN] saves the mail server sealed, keeps it when left blank, and a test mail reaches the admin", async () => {
      as(admin);
      const url = smtp.url.replace("smtp://", `smtp://parklead:${SMTP_PASSWORD}@`);
      expect(await saveMailServerAction({ url, from: "园区招商 <zhaoshang@park.test>" })).toEqual({
        ok: true,
        changed: true,
      });
      const stored = await db.setting.findUniqueOrThrow({ where: { key: MAIL_SERVER_KEY } });
      expect(JSON.stringify(stored.value)).not.toContain(SMTP_PASSWORD);
      expect(unseal((stored.value as { urlSealed: string }).urlSealed)).toBe(url);
      expect(await saveMailServerAction({ url: "", from: "招商中心 <zhaoshang@park.test>" })).toEqual({
        ok: true,
        changed: true,
      });
      const kept = await db.setting.findUniqueOrThrow({ where: { key: MAIL_SERVER_KEY } });
      expect(kept.value).toEqual({
        urlSealed: (stored.value as { urlSealed: string }).urlSealed,
        from: "招商中心 <zhaoshang@park.test>",
      });
      const entries = await audits(MAIL_SERVER_KEY);
      expect(entries.length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(entries)).not.toContain(SMTP_PASSWORD);
      const html = await page();
      expect(html).not.toContain(SMTP_PASSWORD);
      expect(html).toContain(new URL(smtp.url).host);
      // The sender's hint keeps its angle brackets through the message format.
      expect(html).toContain("如 园区招商 &lt;zhaoshang@park.example&gt;");

      // The loopback server takes mail without a login, as a relay on localhost does.
      expect(await saveMailServerAction({ url: smtp.url, from: "招商中心 <zhaoshang@park.test>" })).toEqual({
        ok: true,
        changed: true,
      });
      const before = smtp.received.length;
      expect(await sendTestMailAction(undefined)).toEqual({ ok: true });
      await worker(db).runOnce();
      await smtp.waitForReceived(before + 1);
      expect(smtp.received.at(-1)?.envelopeTo).toEqual([admin.email]);
      const [row] = await listDeliveries(db, admin, { to: "email", topic: "test" });
      expect(row).toMatchObject({ status: "SENT", to: { kind: "user", name: admin.name } });
    });
  });

  describe("the sending rules", () => {
    it("[ADMIN] refuses values out of range with the catalogue's words, saves good ones once, audited", async () => {
      as(admin);
      await db.setting.deleteMany({ where: { key: NOTIFY_RULES_KEY } });
      expect(
        await saveNotifyRulesAction({
          reminderMinutes: "2",
          digestTime: "25:00",
          tasksTime: "09:00",
          maxAttempts: "30",
        }),
      ).toEqual({
        ok: false,
        fieldErrors: { reminderMinutes: "tooSmall:5", digestTime: "time", maxAttempts: "tooBig:20" },
      });
      const rules = { reminderMinutes: 45, digestTime: "08:00", tasksTime: "09:30", maxAttempts: 6 };
      expect(await saveNotifyRulesAction(rules)).toEqual({ ok: true, changed: true });
      expect(await saveNotifyRulesAction(rules)).toEqual({ ok: true, changed: false });
      expect((await db.setting.findUniqueOrThrow({ where: { key: NOTIFY_RULES_KEY } })).value).toEqual(rules);
      const [entry] = await audits(NOTIFY_RULES_KEY);
      expect(entry).toMatchObject({ action: "settings.update", details: { after: rules } });
    });
  });

  describe("who may", () => {
    it("[MANAGER] is refused every change and the page's read", async () => {
      const manager = await makeUser(db, "MANAGER");
      as(manager);
      const id = (await db.notifyChannel.findFirstOrThrow({ where: { fromEnv: false } })).id;
      for (const answer of [
        await saveChannelAction({ kind: "WECOM", name: "群", url: ROBOT_URL }),
        await setChannelActiveAction({ channelId: id, active: false }),
        await sendChannelTestAction({ channelId: id }),
        await saveMailServerAction({ url: "smtp://x.park.test", from: "a@park.test" }),
      ])
        expect(answer).toEqual({ ok: false, error: "forbidden" });
      await expect(notificationSettings(db, { ...manager })).rejects.toThrow(/Access denied/);
      await expect(page()).rejects.toThrow(/not found/);
    });
  });
}

describe("notification settings on PGlite", () => settingsSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("notification settings on PostgreSQL", () =>
  settingsSuite(() => openTestPostgres({ seedDemo: true })),
);
