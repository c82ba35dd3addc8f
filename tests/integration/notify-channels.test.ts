import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seal, unseal } from "@/lib/auth/seal";
import type { Database } from "@/lib/db/open";
import {
  ENV_CHANNEL_ID,
  SEAL_BROKEN_ANSWER,
  channelTargets,
  closeMailTransport,
  mailServer,
  sealChannel,
  sendMail,
  sendToChannel,
  syncEnvChannel,
} from "@/lib/notify/channels";
import type { EmailMessage, GroupMessage } from "@/lib/notify/message";
import { MAIL_SERVER_KEY } from "@/lib/notify/settings";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { startRobotReceiver } from "../support/notify-receivers";
import { startSmtpReceiver, type SmtpReceiver } from "../support/smtp-receiver";

/** A value sealed as lib/auth/seal seals, but under another server secret (as after NEXTAUTH_SECRET changed). */
function sealedUnderAnotherSecret(plain: string): string {
  const key = Buffer.from(
    hkdfSync("sha256", "another-server-secret-0123456789abcdef", Buffer.alloc(0), "parklead-seal-v1", 32),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

const group: GroupMessage = { medium: "GROUP", title: "新线索", lines: ["需求：购地 20 亩"] };
const NO_MAIL_ENV = { PARKLEAD_SMTP_URL: undefined, PARKLEAD_MAIL_FROM: undefined };

let mailCounter = 0;
function mail(overrides: Partial<EmailMessage> = {}): EmailMessage {
  mailCounter++;
  return {
    medium: "EMAIL",
    to: `officer${mailCounter}@park.example`,
    subject: "新线索：平湖某某电机",
    text: "王先生想购地 20 亩。\nhttps://crm.example/crm/leads/abc",
    html: "<p>王先生想购地 <strong>20 亩</strong>。</p>",
    messageId: `delivery-${mailCounter}.${Date.now()}@parklead`,
    ...overrides,
  };
}

function channelsSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    smtp = await startSmtpReceiver();
  });
  afterEach(async () => {
    closeMailTransport();
    smtp.behave("ok");
    await db.setting.deleteMany({ where: { key: MAIL_SERVER_KEY } });
  });
  afterAll(async () => {
    closeMailTransport();
    await smtp?.close();
    await database?.cleanup();
  });

  describe("channels read from the database", () => {
    it("unseals a channel's URL and secret and sends through it, signature checked by the robot", async () => {
      const robot = await startRobotReceiver({ kind: "DINGTALK", secret: "SECsigned" });
      try {
        const sealed = sealChannel(robot.url, "SECsigned");
        const row = await db.notifyChannel.create({
          data: { ...sealed, kind: "DINGTALK", name: "园区群" },
        });
        expect(row.urlSealed).not.toContain(robot.url);
        const targets = await channelTargets(db, [row.id, "no-such-channel"]);
        expect([...targets.keys()]).toEqual([row.id]);
        expect(targets.get(row.id)).toEqual({ id: row.id, kind: "DINGTALK", url: robot.url, secret: "SECsigned" });
        expect(await sendToChannel(targets.get(row.id)!, group, { timeoutMs: 2_000, deliveryId: "d1" })).toMatchObject({
          status: "sent",
        });
        expect(robot.received).toHaveLength(1);

        // Deactivated after messages to it were queued: it is no longer a target (the worker skips them).
        await db.notifyChannel.update({ where: { id: row.id }, data: { active: false } });
        expect((await channelTargets(db, [row.id])).size).toBe(0);
      } finally {
        await robot.close();
      }
    });

    it("turns a channel sealed under another server secret into a dead send that says why, and sends nothing", async () => {
      const robot = await startRobotReceiver({ kind: "WEBHOOK" });
      try {
        const row = await db.notifyChannel.create({
          data: { kind: "WEBHOOK", name: "旧密钥", urlSealed: sealedUnderAnotherSecret(robot.url), secretSealed: null },
        });
        const target = (await channelTargets(db, [row.id])).get(row.id)!;
        expect(target.url).toBe("");
        const outcome = await sendToChannel(
          target,
          {
            medium: "WEBHOOK",
            topic: "test",
            deliveryId: "d2",
            occurredAt: "",
            data: {},
            text: { title: "t", lines: [] },
          },
          { timeoutMs: 2_000, deliveryId: "d2" },
        );
        expect(outcome).toEqual({ status: "dead", answer: SEAL_BROKEN_ANSWER });
        expect(robot.requests).toHaveLength(0);
      } finally {
        await robot.close();
      }
    });
  });

  describe("the operator's channel from PARKLEAD_NOTIFY_URL", () => {
    const feishuUrl = "https://open.feishu.cn/open-apis/bot/v2/hook/0c1d2e3f-aaaa-bbbb-cccc-000000000001";
    const readRow = () => db.notifyChannel.findUniqueOrThrow({ where: { id: ENV_CHANNEL_ID } });

    it("is written sealed at start, kind from the host, as the workspace default", async () => {
      await syncEnvChannel(db, { PARKLEAD_NOTIFY_URL: feishuUrl, PARKLEAD_NOTIFY_SECRET: "feishu-secret" });
      const row = await readRow();
      expect(row).toMatchObject({
        kind: "FEISHU",
        name: "PARKLEAD_NOTIFY_URL",
        parkId: null,
        fromEnv: true,
        active: true,
      });
      expect(row.urlSealed).not.toContain("open.feishu.cn");
      expect(unseal(row.urlSealed)).toBe(feishuUrl);
      expect(unseal(row.secretSealed!)).toBe("feishu-secret");
    });

    it("keeps the row (and the refusal shown to admins) when nothing changed; a new URL clears the refusal", async () => {
      await db.notifyChannel.update({
        where: { id: ENV_CHANNEL_ID },
        data: { failure: "19021 sign match fail", failedAt: new Date() },
      });
      const before = await readRow();
      await syncEnvChannel(db, { PARKLEAD_NOTIFY_URL: feishuUrl, PARKLEAD_NOTIFY_SECRET: "feishu-secret" });
      expect(await readRow()).toEqual(before);

      const wecomUrl = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
      await syncEnvChannel(db, { PARKLEAD_NOTIFY_URL: wecomUrl, PARKLEAD_NOTIFY_SECRET: undefined });
      const after = await readRow();
      expect(after).toMatchObject({ kind: "WECOM", failure: null, failedAt: null, secretSealed: null, active: true });
      expect(unseal(after.urlSealed)).toBe(wecomUrl);
      expect(await db.notifyChannel.count({ where: { fromEnv: true } })).toBe(1);
    });

    it("is deactivated, not deleted, once the variable is gone; and written again when it comes back", async () => {
      await syncEnvChannel(db, { PARKLEAD_NOTIFY_URL: undefined, PARKLEAD_NOTIFY_SECRET: undefined });
      expect(await readRow()).toMatchObject({ active: false, fromEnv: true });
      await syncEnvChannel(db, {
        PARKLEAD_NOTIFY_URL: "https://hooks.example.com/parklead",
        PARKLEAD_NOTIFY_SECRET: "s",
      });
      expect(await readRow()).toMatchObject({ active: true, kind: "WEBHOOK" });
    });

    it("rewrites a row sealed under another server secret", async () => {
      await db.notifyChannel.update({
        where: { id: ENV_CHANNEL_ID },
        data: { urlSealed: sealedUnderAnotherSecret("https://hooks.example.com/parklead") },
      });
      await syncEnvChannel(db, {
        PARKLEAD_NOTIFY_URL: "https://hooks.example.com/parklead",
        PARKLEAD_NOTIFY_SECRET: "s",
      });
      expect(unseal((await readRow()).urlSealed)).toBe("https://hooks.example.com/parklead");
    });
  });

  describe("email", () => {
    async function saveMailServer(url: string, from: string, sealed = seal(url)) {
      await db.setting.upsert({
        where: { key: MAIL_SERVER_KEY },
        create: { key: MAIL_SERVER_KEY, value: { urlSealed: sealed, from } },
        update: { value: { urlSealed: sealed, from } },
      });
    }

    it("arrives with its text and HTML parts, the configured sender and the delivery's Message-ID", async () => {
      await saveMailServer(smtp.url, "园区招商 <zhaoshang@park.example>");
      const message = mail();
      const outcome = await sendMail(db, message, { timeoutMs: 5_000, config: NO_MAIL_ENV });
      expect(outcome).toMatchObject({ status: "sent", answer: expect.stringMatching(/^250 /) });
      const arrived = smtp.received.at(-1)!;
      expect(arrived).toMatchObject({
        from: '"园区招商" <zhaoshang@park.example>',
        to: [message.to],
        envelopeTo: [message.to],
        subject: message.subject,
        html: message.html,
        messageId: `<${message.messageId}>`,
      });
      expect(arrived.text.trim()).toBe(message.text);
    });

    it("uses the admin's mail server before the environment's, the environment's without one, else none", async () => {
      const unused = await startSmtpReceiver();
      try {
        const env = { PARKLEAD_SMTP_URL: unused.url, PARKLEAD_MAIL_FROM: "ops@park.example" };
        await saveMailServer(smtp.url, "admin@park.example");
        expect(await mailServer(db, env)).toEqual({ url: smtp.url, from: "admin@park.example" });
        expect((await sendMail(db, mail(), { timeoutMs: 5_000, config: env })).status).toBe("sent");
        expect(unused.received).toHaveLength(0);

        await db.setting.delete({ where: { key: MAIL_SERVER_KEY } });
        expect(await mailServer(db, env)).toEqual({ url: unused.url, from: "ops@park.example" });
        expect((await sendMail(db, mail(), { timeoutMs: 5_000, config: env })).status).toBe("sent");
        expect(unused.received.map((m) => m.from)).toEqual(["ops@park.example"]);

        expect(await mailServer(db, NO_MAIL_ENV)).toBeNull();
        expect(await sendMail(db, mail(), { timeoutMs: 5_000, config: NO_MAIL_ENV })).toEqual({
          status: "dead",
          answer: "mail server not configured",
        });
      } finally {
        closeMailTransport();
        await unused.close();
      }
    });

    it("says so when the saved mail server was sealed under another server secret", async () => {
      await saveMailServer(smtp.url, "admin@park.example", sealedUnderAnotherSecret(smtp.url));
      const outcome = await sendMail(db, mail(), { timeoutMs: 5_000, config: NO_MAIL_ENV });
      expect(outcome.status).toBe("dead");
      expect(outcome.answer).toMatch(/sealed under another server secret/);
    });

    it("is dead on 550 (no such mailbox), retried on 421 (try later)", async () => {
      await saveMailServer(smtp.url, "admin@park.example");
      const before = smtp.received.length;
      smtp.behave("reject-rcpt");
      const refused = await sendMail(db, mail(), { timeoutMs: 5_000, config: NO_MAIL_ENV });
      expect(refused).toMatchObject({ status: "dead", answer: expect.stringMatching(/^550 /) });
      smtp.behave("temporary");
      const later = await sendMail(db, mail(), { timeoutMs: 5_000, config: NO_MAIL_ENV });
      expect(later).toMatchObject({ status: "retry", answer: expect.stringMatching(/^421 /) });
      expect(smtp.received).toHaveLength(before);
    });

    it("retries when the mail server is unreachable or never greets", async () => {
      const silent: Server = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const { port } = silent.address() as AddressInfo;
      try {
        await saveMailServer(`smtp://127.0.0.1:${port}`, "admin@park.example");
        const mute = await sendMail(db, mail(), { timeoutMs: 300, config: NO_MAIL_ENV });
        expect(mute).toMatchObject({ status: "retry", answer: expect.stringContaining("ETIMEDOUT") });
      } finally {
        closeMailTransport();
        await new Promise((resolve) => silent.close(resolve));
      }
      await saveMailServer(`smtp://127.0.0.1:${port}`, "admin@park.example");
      const refused = await sendMail(db, mail(), { timeoutMs: 2_000, config: NO_MAIL_ENV });
      expect(refused).toMatchObject({ status: "retry", answer: expect.stringContaining("ECONNREFUSED") });
    });
  });
}

describe("notification channels on PGlite", () => channelsSuite(() => openTestPglite()));
describeOnPostgres("notification channels on PostgreSQL", () => channelsSuite(() => openTestPostgres()));
