/*
 * One outbox worker in a process of its own, as an app instance runs it, for the tests that kill it
 * or run two side by side on PostgreSQL:
 *   node --conditions react-server --import tsx tests/support/notify-worker-process.ts
 * Environment: DATABASE_URL, NOTIFY_CHANNEL_ID (every event is planned as one webhook delivery to
 * it), WORKER_LEASE_MS, WORKER_TIMEOUT_MS, WORKER_BATCH. The real senders (lib/notify/channels)
 * send over HTTP. Prints "ready" once polling; SIGTERM stops it cleanly, SIGKILL is the crash.
 */
import { openDatabase } from "../../lib/db/open";
import { channelTargets, mailSender, sendToChannel } from "../../lib/notify/channels";
import { combineGroupMessages } from "../../lib/notify/render";
import { createWorker, DEFAULT_WORKER_OPTIONS } from "../../lib/notify/worker/worker";
import { plannedToChannel, renderAsWebhooks } from "./notify-worker-fakes";

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main() {
  const url = process.env.DATABASE_URL;
  const channelId = process.env.NOTIFY_CHANNEL_ID;
  if (!url || !channelId) throw new Error("DATABASE_URL and NOTIFY_CHANNEL_ID are required");
  const opened = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  const worker = createWorker(opened.db, {
    ...DEFAULT_WORKER_OPTIONS,
    pollMs: 100,
    gapMs: 0,
    leaseMs: number("WORKER_LEASE_MS", DEFAULT_WORKER_OPTIONS.leaseMs),
    sendTimeoutMs: number("WORKER_TIMEOUT_MS", DEFAULT_WORKER_OPTIONS.sendTimeoutMs),
    batchSize: number("WORKER_BATCH", DEFAULT_WORKER_OPTIONS.batchSize),
    deps: {
      planEvents: plannedToChannel(channelId),
      renderDeliveries: renderAsWebhooks,
      combineGroupMessages,
      scheduleDailyEvents: async () => {},
      mailSender,
      channelTargets,
      sendToChannel,
    },
  });
  worker.start();
  process.once("SIGTERM", () => {
    void worker
      .stop()
      .then(() => opened.close())
      .finally(() => process.exit(0));
  });
  process.stdout.write("ready\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
