import pg from "pg";
import { seal } from "../lib/auth/seal";
import { percentile } from "./support";
import { startRobotReceiver, type RobotReceiver } from "../tests/support/notify-receivers";

/*
 * The outbox under the intake's load: a 企业微信 group robot on loopback (tests/support's receiver,
 * answering {"errcode":0,"errmsg":"ok"}) as the workspace's default channel, so every new lead is
 * one robot message; and the time from an inquiry's 201 to the robot holding its message.
 */

/** The receiver, and the default channel row pointing at it (sealed under the server's secret). */
export async function wecomRobot(databaseUrl: string, serverSecret: string): Promise<RobotReceiver> {
  process.env.NEXTAUTH_SECRET = serverSecret;
  const receiver = await startRobotReceiver({ kind: "WECOM" });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "NotifyChannel" ("id", "kind", "name", "urlSealed", "updatedAt")
       VALUES ('bench-wecom', 'WECOM', '基准测试群', $1, now())`,
      [seal(receiver.url)],
    );
  } finally {
    await client.end();
  }
  return receiver;
}

/** Waits until nothing is due: every due event planned and every due delivery sent or waiting to retry. */
export async function drained(databaseUrl: string, timeoutMs = 120_000): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    for (;;) {
      const { rows } = await client.query<{ due: number }>(
        `SELECT (SELECT count(*) FROM "OutboxEvent" WHERE "doneAt" IS NULL AND "dueAt" <= now() AT TIME ZONE 'UTC')
              + (SELECT count(*) FROM "Delivery" WHERE "status" IN ('PENDING', 'SENDING')
                   AND "nextAttemptAt" <= now() AT TIME ZONE 'UTC') AS due`,
      );
      if (Number(rows[0].due) === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`${rows[0].due} notifications still due`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}

/**
 * Sends `count` inquiries one by one at `perSecond`, each with a company name of its own, and
 * measures from each 201 to the robot receiving the message that names it.
 */
export async function deliveryLatency(options: {
  serverUrl: string;
  receiver: RobotReceiver;
  count: number;
  perSecond: number;
  body: (company: string) => string;
}): Promise<{ p50: number; p95: number; max: number; failed: number }> {
  const { serverUrl, receiver, count, perSecond, body } = options;
  const marker = `时延测试${process.pid}号`;
  const answered = new Map<string, number>();
  let failed = 0;
  const started = Date.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    const company = `${marker}${i}有限公司`;
    sends.push(
      fetch(`${serverUrl}/api/inquiries`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `10.250.${(i >> 8) & 255}.${i & 255}` },
        body: body(company),
      }).then(async (response) => {
        await response.arrayBuffer();
        if (response.status === 201) answered.set(company, Date.now());
        else failed += 1;
      }),
    );
  }
  await Promise.all(sends);
  const arrivals = () => {
    const seen = new Map<string, number>();
    for (const message of receiver.received) {
      const text = JSON.stringify(message.body);
      // A message may carry several leads: group messages due together go as one.
      for (const [company] of text.matchAll(new RegExp(`${marker}\\d+有限公司`, "g")))
        if (!seen.has(company)) seen.set(company, message.at);
    }
    return seen;
  };
  const deadline = Date.now() + 60_000;
  let seen = arrivals();
  while ([...answered.keys()].some((company) => !seen.has(company)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    seen = arrivals();
  }
  // The worker may be woken and send before the client has read the 201: that counts as 0.
  const latencies = [...answered].map(([company, at]) => Math.max(0, (seen.get(company) ?? Infinity) - at));
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies[latencies.length - 1] ?? NaN,
    failed: failed + latencies.filter((latency) => latency === Infinity).length,
  };
}

/**
 * The worker's own cost, apart from the intake's and from the machine's drift between runs: `count`
 * inquiries stored through the intake's own code in this process, all due `aheadMs` from now (the
 * intake's clock is set ahead), so the notifying server's worker, which polls, leaves them until
 * they are all in. Then the server's CPU and PostgreSQL's are read from the moment they fall due
 * until none is left, with nothing else running: what the worker costs per event, alone.
 */
export async function workerAlone(options: {
  databaseUrl: string;
  serverCpu: () => number;
  postgresCpu: (() => number) | null;
  count: number;
  aheadMs: number;
  body: () => unknown;
}): Promise<{ events: number; seconds: number; appMs: number; postgresMs?: number }> {
  const { openDatabase } = await import("../lib/db/open");
  const { submitInquiry } = await import("../lib/inquiries/mutations");
  const { notificationsOn } = await import("../lib/outbox/events");
  // The backlog is written by this process's intake: with the outbox off here it would hold no events.
  if (!notificationsOn()) throw new Error("PARKLEAD_NOTIFY=off in the benchmark's environment: unset it");
  const opened = await openDatabase({ kind: "postgres", url: options.databaseUrl, poolSize: 8 });
  const dueAt = new Date(Date.now() + options.aheadMs);
  try {
    let stored = 0;
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      for (let i = writer; i < options.count; i += 8) {
        const result = await submitInquiry(opened.db, options.body(), {
          channel: "API",
          locale: "zh-CN",
          source: {},
          clientIp: `10.251.${(i >> 8) & 255}.${i & 255}`,
          now: dueAt,
        });
        if (!result.ok) throw new Error(`the backlog's inquiry was refused: ${result.reason}`);
        stored += 1;
      }
    });
    await Promise.all(writers);
    if (Date.now() >= dueAt.getTime())
      throw new Error(`storing ${stored} inquiries took longer than ${options.aheadMs} ms: raise aheadMs`);
  } finally {
    await opened.close();
  }
  // A moment past due: the database must see them due too.
  await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() - Date.now() + 50));
  const app = options.serverCpu();
  const postgres = options.postgresCpu?.();
  const started = performance.now();
  await drained(options.databaseUrl);
  return {
    events: options.count,
    seconds: (performance.now() - started) / 1000,
    appMs: (options.serverCpu() - app) / options.count,
    postgresMs: postgres === undefined ? undefined : (options.postgresCpu!() - postgres) / options.count,
  };
}
