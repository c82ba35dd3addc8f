import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { channelTargets, sealChannel, mailSender, sendToChannel } from "@/lib/notify/channels";
import { combineGroupMessages } from "@/lib/notify/render";
import { createWorker, DEFAULT_WORKER_OPTIONS, type WorkerOptions } from "@/lib/notify/worker/worker";
import { openAppDatabase } from "@/lib/startup/open-app-database";
import { describeOnPostgres, freshPostgresDatabase, openTestPglite, type TestDatabase } from "../support/databases";
import { startRobotReceiver, type RobotReceiver } from "../support/notify-receivers";
import { plannedToChannel, renderAsWebhooks } from "../support/notify-worker-fakes";

/*
 * Exactly once, with the real generic webhook sender over HTTP to a loopback receiver: a worker
 * killed while its request is in flight is taken over after its lease and the receiver acknowledges
 * the message once (both attempts carry the same delivery id); two workers side by side send each
 * of 240 messages once.
 */

const SECRET = "webhook-test-secret";
const EVENTS = 240;

const realSenders = (channelId: string) => ({
  planEvents: plannedToChannel(channelId),
  renderDeliveries: renderAsWebhooks,
  combineGroupMessages,
  scheduleDailyEvents: async () => {},
  mailSender,
  channelTargets,
  sendToChannel,
});

async function webhookChannel(db: Database, receiver: RobotReceiver): Promise<string> {
  const channel = await db.notifyChannel.create({ data: { name: "回调", ...sealChannel(receiver.url, SECRET) } });
  return channel.id;
}

async function manyEvents(db: Database, count: number): Promise<void> {
  await db.outboxEvent.createMany({ data: Array.from({ length: count }, () => ({ kind: "inquiry.received" })) });
}

function expectEachOnce(receiver: RobotReceiver, deliveryIds: string[]) {
  const received = receiver.received.map((message) => message.headers["x-parklead-delivery"]);
  expect(receiver.requests).toHaveLength(deliveryIds.length);
  expect([...received].sort()).toEqual([...deliveryIds].sort());
}

describe("exactly once on PGlite", () => {
  let database: TestDatabase;
  let db: Database;
  let receiver: RobotReceiver;
  beforeAll(async () => {
    database = await openTestPglite();
    db = database.opened.db;
  });
  afterAll(() => database.cleanup());
  beforeEach(async () => {
    await db.delivery.deleteMany();
    await db.outboxEvent.deleteMany();
  });

  const worker = (channelId: string, options: Partial<WorkerOptions> = {}) =>
    createWorker(db, { ...DEFAULT_WORKER_OPTIONS, deps: realSenders(channelId), ...options });

  it("a worker that dies mid-send is taken over after its lease, and the message is acknowledged once", async () => {
    receiver = await startRobotReceiver({ kind: "WEBHOOK", secret: SECRET, behaviour: "hold-first" });
    try {
      const channelId = await webhookChannel(db, receiver);
      await manyEvents(db, 1);
      // PGlite is one process's database, so the worker that dies runs in this one: its pass is
      // abandoned while the receiver holds its request, and never finishes, as a killed process's
      // would not. Its lease (and its send timeout) are long, so the second worker runs on a clock
      // past the lease instead of the test waiting for it.
      const lease = { leaseMs: 1_300_000, sendTimeoutMs: 600_000 };
      const dying = worker(channelId, lease).runOnce();
      await expect.poll(() => receiver.requests.length).toBe(1);
      expect(receiver.received).toEqual([]);
      const [sending] = await db.delivery.findMany();
      expect(sending).toMatchObject({ status: "SENDING", attempts: 1 });

      const later = () => new Date(Date.now() + lease.leaseMs + 1);
      await worker(channelId, { clock: later }).runOnce();
      expect(await db.delivery.findUniqueOrThrow({ where: { id: sending.id } })).toMatchObject({
        status: "SENT",
        attempts: 2,
      });
      expect(receiver.requests.map((request) => request.headers["x-parklead-delivery"])).toEqual([
        sending.id,
        sending.id,
      ]);
      expect(receiver.received.map((request) => request.headers["x-parklead-delivery"])).toEqual([sending.id]);

      // The abandoned pass ends when its connection drops; its late answer writes nothing over the
      // newer attempt (the claim it held is gone).
      await receiver.close();
      await dying;
      expect(await db.delivery.findUniqueOrThrow({ where: { id: sending.id } })).toMatchObject({
        status: "SENT",
        attempts: 2,
      });
    } finally {
      await receiver.close();
    }
  });

  it("two workers side by side deliver each of 240 messages once", async () => {
    receiver = await startRobotReceiver({ kind: "WEBHOOK", secret: SECRET });
    const options = { batchSize: 25, pollMs: 50, gapMs: 0 };
    try {
      const channelId = await webhookChannel(db, receiver);
      const workers = [worker(channelId, options), worker(channelId, options)];
      for (const each of workers) each.start();
      await manyEvents(db, EVENTS);
      try {
        await receiver.waitForReceived(EVENTS, 60_000);
        await expect.poll(() => db.delivery.count({ where: { status: "SENT" } }), { timeout: 10_000 }).toBe(EVENTS);
      } finally {
        await Promise.all(workers.map((each) => each.stop()));
      }
      const deliveries = await db.delivery.findMany({ select: { id: true, attempts: true } });
      expect(deliveries.every((delivery) => delivery.attempts === 1)).toBe(true);
      expectEachOnce(
        receiver,
        deliveries.map((delivery) => delivery.id),
      );
    } finally {
      await receiver.close();
    }
  });
});

describeOnPostgres("exactly once on PostgreSQL, with workers in processes of their own", () => {
  let opened: OpenedDatabase;
  let db: Database;
  let url: string;
  let drop: () => Promise<void>;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    ({ url, drop } = await freshPostgresDatabase());
    opened = await openAppDatabase({ kind: "postgres", url, poolSize: 4, seedDemo: false });
    db = opened.db;
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    await opened.close();
    await drop();
  });
  beforeEach(async () => {
    await db.delivery.deleteMany();
    await db.outboxEvent.deleteMany();
  });

  /** Starts tests/support/notify-worker-process.ts; resolves once it polls. */
  function workerProcess(channelId: string, env: Record<string, string>): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      ["--conditions", "react-server", "--import", "tsx", "tests/support/notify-worker-process.ts"],
      {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, DATABASE_URL: url, NOTIFY_CHANNEL_ID: channelId, ...env },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    children.add(child);
    child.once("exit", () => children.delete(child));
    return new Promise((resolve, reject) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("ready\n")) resolve(child);
      });
      child.once("exit", (code, signal) => reject(new Error(`worker process exited (${code ?? signal}): ${output}`)));
    });
  }

  function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    return exit;
  }

  it("a worker killed mid-send is taken over after its lease, and the message is acknowledged once", async () => {
    const receiver = await startRobotReceiver({ kind: "WEBHOOK", secret: SECRET, behaviour: "hold-first" });
    try {
      const channelId = await webhookChannel(db, receiver);
      const lease = { WORKER_LEASE_MS: "9000", WORKER_TIMEOUT_MS: "4000" };
      const first = await workerProcess(channelId, lease);
      await manyEvents(db, 1);
      await expect.poll(() => receiver.requests.length, { timeout: 20_000, interval: 10 }).toBe(1);
      await stopped(first, "SIGKILL");
      expect(receiver.received).toEqual([]);
      const [sending] = await db.delivery.findMany();
      expect(sending).toMatchObject({ status: "SENDING", attempts: 1 });

      const second = await workerProcess(channelId, lease);
      try {
        await receiver.waitForReceived(1, 30_000);
        await expect
          .poll(async () => (await db.delivery.findUniqueOrThrow({ where: { id: sending.id } })).status, {
            timeout: 10_000,
          })
          .toBe("SENT");
      } finally {
        await stopped(second, "SIGTERM");
      }
      expect(await db.delivery.findUniqueOrThrow({ where: { id: sending.id } })).toMatchObject({ attempts: 2 });
      expect(receiver.requests.map((request) => request.headers["x-parklead-delivery"])).toEqual([
        sending.id,
        sending.id,
      ]);
      expect(receiver.received.map((request) => request.headers["x-parklead-delivery"])).toEqual([sending.id]);
    } finally {
      await receiver.close();
    }
  });

  it("two worker processes side by side deliver each of 240 messages once", async () => {
    const receiver = await startRobotReceiver({ kind: "WEBHOOK", secret: SECRET });
    try {
      const channelId = await webhookChannel(db, receiver);
      const workers = await Promise.all([1, 2].map(() => workerProcess(channelId, { WORKER_BATCH: "25" })));
      // Written once both poll, so neither has drained them alone before the other started.
      await manyEvents(db, EVENTS);
      try {
        await receiver.waitForReceived(EVENTS, 60_000);
        await expect.poll(() => db.delivery.count({ where: { status: "SENT" } }), { timeout: 10_000 }).toBe(EVENTS);
      } finally {
        await Promise.all(workers.map((child) => stopped(child, "SIGTERM")));
      }
      const deliveries = await db.delivery.findMany({ select: { id: true, attempts: true } });
      expect(deliveries.every((delivery) => delivery.attempts === 1)).toBe(true);
      expectEachOnce(
        receiver,
        deliveries.map((delivery) => delivery.id),
      );
    } finally {
      await receiver.close();
    }
  });
});
