import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * Loopback stand-ins for the group robots and a generic webhook receiver, for tests and the bench.
 * Each speaks like its vendor: checks the key in the URL and the signature exactly as the vendor
 * does, answers in the vendor's JSON, and can be scripted to answer the vendor's errors.
 */

export type RobotKind = "WECOM" | "DINGTALK" | "FEISHU" | "WEBHOOK";

/**
 * What the receiver does with a request:
 * - "ok": accept (the message is recorded in `received`);
 * - "rate-limit", "bad-key": the vendor's answer for a passed frequency limit or an unknown key
 *   (the generic webhook: 429 with Retry-After, 410);
 * - "server-error": HTTP 500 (with Retry-After when `retryAfterSeconds` is set);
 * - { slowMs }: accept, but answer only after that long;
 * - "hold-first": hold the first request unanswered until release(), then accept it; later ones are accepted.
 * A bad signature is always refused as the vendor refuses it, whatever the behaviour.
 */
export type Behaviour = "ok" | "rate-limit" | "bad-key" | "server-error" | "hold-first" | { slowMs: number };

export interface ReceivedMessage {
  /** the parsed JSON body */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  /** Date.now() when it arrived */
  at: number;
}

export interface RobotReceiver {
  /** the URL to configure: carries the receiver's key as the vendor's URLs do */
  url: string;
  /** accepted messages, in order of arrival */
  received: ReceivedMessage[];
  /** every request that reached the receiver, accepted or not */
  requests: ReceivedMessage[];
  /** scripts the answers from now on: one behaviour, or one per request (the last repeats) */
  behave(behaviour: Behaviour | Behaviour[]): void;
  /** answers a held request (hold-first) */
  release(): void;
  /** resolves once `count` messages were accepted */
  waitForReceived(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const ONE_HOUR_MS = 60 * 60 * 1000;
const FIVE_MINUTES_S = 5 * 60;

function equalText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The vendor's answers, by kind. */
const ANSWERS: Record<RobotKind, Record<"ok" | "rate-limit" | "bad-key" | "bad-sign", Reply>> = {
  WECOM: {
    ok: { status: 200, body: { errcode: 0, errmsg: "ok" } },
    "rate-limit": { status: 200, body: { errcode: 45009, errmsg: "api freq out of limit" } },
    "bad-key": { status: 200, body: { errcode: 93000, errmsg: "invalid webhook url" } },
    "bad-sign": { status: 200, body: { errcode: 93000, errmsg: "invalid webhook url" } },
  },
  DINGTALK: {
    ok: { status: 200, body: { errcode: 0, errmsg: "ok" } },
    "rate-limit": { status: 200, body: { errcode: 410100, errmsg: "send too fast, exceed 20 times per minute" } },
    "bad-key": { status: 200, body: { errcode: 300001, errmsg: "token is not exist" } },
    "bad-sign": { status: 200, body: { errcode: 310000, errmsg: "sign not match" } },
  },
  FEISHU: {
    ok: { status: 200, body: { StatusCode: 0, StatusMessage: "success", code: 0, data: {}, msg: "success" } },
    "rate-limit": { status: 200, body: { code: 11232, data: {}, msg: "frequency limited" } },
    "bad-key": {
      status: 200,
      body: { code: 19001, data: {}, msg: "param invalid: incoming webhook access token invalid" },
    },
    "bad-sign": {
      status: 200,
      body: { code: 19021, data: {}, msg: "sign match fail or timestamp is not within one hour from current time" },
    },
  },
  WEBHOOK: {
    ok: { status: 200, body: { ok: true } },
    "rate-limit": { status: 429, body: { error: "slow down" }, headers: { "retry-after": "30" } },
    "bad-key": { status: 410, body: { error: "gone" } },
    "bad-sign": { status: 401, body: { error: "bad signature" } },
  },
};

/** The path each vendor's URLs have, with the key where the vendor puts it. */
function pathFor(kind: RobotKind, key: string): string {
  switch (kind) {
    case "WECOM":
      return `/cgi-bin/webhook/send?key=${key}`;
    case "DINGTALK":
      return `/robot/send?access_token=${key}`;
    case "FEISHU":
      return `/open-apis/bot/v2/hook/${key}`;
    case "WEBHOOK":
      return `/hooks/${key}`;
  }
}

function keyOf(kind: RobotKind, url: URL): string | null {
  if (kind === "WECOM") return url.searchParams.get("key");
  if (kind === "DINGTALK") return url.searchParams.get("access_token");
  return url.pathname.split("/").pop() ?? null;
}

/** Whether the request is signed as the vendor requires (true when the robot has no secret). */
function signedRight(kind: RobotKind, secret: string | undefined, message: ReceivedMessage, raw: string): boolean {
  if (!secret) return true;
  const now = Date.now();
  if (kind === "DINGTALK") {
    const timestamp = message.query.get("timestamp") ?? "";
    const sign = message.query.get("sign") ?? "";
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > ONE_HOUR_MS) return false;
    return equalText(sign, createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64"));
  }
  if (kind === "FEISHU") {
    const timestamp = String(message.body.timestamp ?? "");
    const sign = String(message.body.sign ?? "");
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > ONE_HOUR_MS) return false;
    return equalText(sign, createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64"));
  }
  if (kind === "WEBHOOK") {
    const timestamp = String(message.headers["x-parklead-timestamp"] ?? "");
    const signature = String(message.headers["x-parklead-signature"] ?? "");
    if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > FIVE_MINUTES_S) return false;
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest("hex")}`;
    return equalText(signature, expected);
  }
  return true; // 企业微信 robots are not signed: the key in the URL is the credential.
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function reply(response: ServerResponse, answer: Reply): void {
  if (response.destroyed) return;
  response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
  response.end(JSON.stringify(answer.body));
}

export async function startRobotReceiver({
  kind,
  secret,
  behaviour = "ok",
  retryAfterSeconds,
}: {
  kind: RobotKind;
  secret?: string;
  behaviour?: Behaviour | Behaviour[];
  /** sent with "server-error" as Retry-After */
  retryAfterSeconds?: number;
}): Promise<RobotReceiver> {
  const key = randomBytes(12).toString("hex");
  const received: ReceivedMessage[] = [];
  const requests: ReceivedMessage[] = [];
  let script = ([] as Behaviour[]).concat(behaviour);
  let count = 0;
  let held: (() => void) | undefined;
  let heldOnce = false;
  const waiters = new Set<() => void>();
  const timers = new Set<NodeJS.Timeout>();

  const accept = (message: ReceivedMessage, response: ServerResponse) => {
    received.push(message);
    for (const waiter of waiters) waiter();
    reply(response, ANSWERS[kind].ok);
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://receiver");
    const raw = await readBody(request);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return reply(response, { status: 400, body: { error: "not JSON" } });
    }
    const message: ReceivedMessage = { body, headers: request.headers, query: url.searchParams, at: Date.now() };
    requests.push(message);
    const now = script[Math.min(count++, script.length - 1)];
    if (keyOf(kind, url) !== key || now === "bad-key") return reply(response, ANSWERS[kind]["bad-key"]);
    if (!signedRight(kind, secret, message, raw)) return reply(response, ANSWERS[kind]["bad-sign"]);
    if (now === "rate-limit") return reply(response, ANSWERS[kind]["rate-limit"]);
    if (now === "server-error") {
      const headers = retryAfterSeconds === undefined ? undefined : { "retry-after": String(retryAfterSeconds) };
      return reply(response, { status: 500, body: { error: "internal" }, headers });
    }
    if (now === "hold-first" && !heldOnce) {
      heldOnce = true;
      held = () => accept(message, response);
      return;
    }
    if (typeof now === "object") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        accept(message, response);
      }, now.slowMs);
      timers.add(timer);
      return;
    }
    accept(message, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${pathFor(kind, key)}`,
    received,
    requests,
    behave(next) {
      script = ([] as Behaviour[]).concat(next);
      count = 0;
    },
    release() {
      const answer = held;
      held = undefined;
      answer?.();
    },
    waitForReceived(wanted, timeoutMs = 10_000) {
      if (received.length >= wanted) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${received.length} of ${wanted} messages arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (received.length < wanted) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
