import { readFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REFUSED_PHONE, sendToChannel, type ChannelTarget } from "@/lib/notify/channels";
import type { GroupMessage, WebhookMessage } from "@/lib/notify/message";
import { startRobotReceiver, type RobotKind, type RobotReceiver } from "../support/notify-receivers";

/*
 * Each group robot and the generic webhook against a loopback receiver that checks the key and the
 * signature as the vendor does and answers in the vendor's words. No database is involved here:
 * tests/integration/notify-channels.test.ts reads channels from both databases.
 */

const SECRET = "SEC0123456789abcdef0123456789abcdef";
const send = { timeoutMs: 2_000, deliveryId: "delivery-1" };

const group: GroupMessage = {
  medium: "GROUP",
  title: "新线索：平湖某某电机",
  lines: ["需求：购地 20 亩", "联系人：王先生 138****5678"],
  link: { label: "认领", url: "https://crm.example/crm/leads/abc" },
};

const hook: WebhookMessage = {
  medium: "WEBHOOK",
  topic: "new_lead",
  deliveryId: "delivery-1",
  occurredAt: "2026-12-06T08:00:00.000Z",
  data: { leadId: "abc", newLead: true },
  text: { title: group.title, lines: group.lines, link: group.link },
};

let receivers: RobotReceiver[] = [];
async function receiver(options: Parameters<typeof startRobotReceiver>[0]) {
  const started = await startRobotReceiver(options);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

function target(kind: RobotKind, url: string, secret: string | null = null): ChannelTarget {
  return { id: "channel-1", kind, url, secret };
}

const VENDORS = [
  { kind: "WECOM", signed: false, rateLimitMs: 60_000, badKey: 93000 },
  { kind: "DINGTALK", signed: true, rateLimitMs: 600_000, badKey: 300001 },
  { kind: "FEISHU", signed: true, rateLimitMs: 60_000, badKey: 19001 },
] as const;

describe.each(VENDORS)("the $kind robot", ({ kind, signed, rateLimitMs, badKey }) => {
  const secret = signed ? SECRET : null;

  it("receives the message, signed as the vendor checks it", async () => {
    const robot = await receiver({ kind, secret: secret ?? undefined });
    const outcome = await sendToChannel(target(kind, robot.url, secret), group, send);
    expect(outcome.status).toBe("sent");
    expect(robot.received).toHaveLength(1);
    const text = JSON.stringify(robot.received[0].body);
    expect(text).toContain(group.title);
    expect(text).toContain("需求：购地 20 亩");
    expect(text).toContain(group.link!.url);
    if (kind === "DINGTALK") {
      expect(robot.received[0].query.get("timestamp")).toMatch(/^\d{13}$/);
      expect(robot.received[0].query.get("sign")).toBeTruthy();
    }
    if (kind === "FEISHU") expect(robot.received[0].body.timestamp).toMatch(/^\d{10}$/);
  });

  it("answers the rate limit with a retry after the vendor's wait", async () => {
    const robot = await receiver({ kind, secret: secret ?? undefined, behaviour: "rate-limit" });
    const outcome = await sendToChannel(target(kind, robot.url, secret), group, send);
    expect(outcome).toMatchObject({ status: "retry", retryAfterMs: rateLimitMs });
    expect(robot.received).toHaveLength(0);
  });

  it("answers an unknown key with dead, keeping the vendor's answer but not the URL", async () => {
    const robot = await receiver({ kind, secret: secret ?? undefined });
    const wrongKey = robot.url.replace(/[0-9a-f]{24}/, "0".repeat(24));
    const outcome = await sendToChannel(target(kind, wrongKey, secret), group, send);
    expect(outcome.status).toBe("dead");
    expect(outcome.answer).toContain(String(badKey));
    expect(outcome.answer).not.toContain("0".repeat(24));
  });

  it("retries after HTTP 500, honouring Retry-After", async () => {
    const robot = await receiver({ kind, behaviour: "server-error", retryAfterSeconds: 7 });
    const outcome = await sendToChannel(target(kind, robot.url), group, send);
    expect(outcome).toMatchObject({ status: "retry", retryAfterMs: 7_000 });
    expect(outcome.answer).toMatch(/^HTTP 500/);
  });

  it("retries when the vendor does not answer in time", async () => {
    const robot = await receiver({ kind, behaviour: { slowMs: 1_500 } });
    const outcome = await sendToChannel(target(kind, robot.url), group, { ...send, timeoutMs: 200 });
    expect(outcome).toEqual({ status: "retry", answer: "no answer within 200 ms" });
  });

  it("refuses a group message that carries a full mobile number, before anything is sent", async () => {
    const robot = await receiver({ kind });
    const leaky = { ...group, lines: ["联系人：王先生 138 1234 5678"] };
    expect(await sendToChannel(target(kind, robot.url), leaky, send)).toEqual({
      status: "dead",
      answer: REFUSED_PHONE,
    });
    const fullWidth = { ...group, title: "回电 １３８１２３４５６７８" };
    expect(await sendToChannel(target(kind, robot.url), fullWidth, send)).toEqual({
      status: "dead",
      answer: REFUSED_PHONE,
    });
    expect(robot.requests).toHaveLength(0);
  });
});

describe("signing refused by the vendor", () => {
  it("钉钉 answers a wrong 加签 secret with 310000: dead", async () => {
    const robot = await receiver({ kind: "DINGTALK", secret: SECRET });
    const outcome = await sendToChannel(target("DINGTALK", robot.url, "SECwrong"), group, send);
    expect(outcome).toMatchObject({ status: "dead" });
    expect(outcome.answer).toContain("310000");
  });

  it("钉钉 refuses an unsigned send to a robot with 加签", async () => {
    const robot = await receiver({ kind: "DINGTALK", secret: SECRET });
    expect((await sendToChannel(target("DINGTALK", robot.url), group, send)).answer).toContain("310000");
  });

  it("飞书 answers a wrong signing secret with 19021: dead", async () => {
    const robot = await receiver({ kind: "FEISHU", secret: SECRET });
    const outcome = await sendToChannel(target("FEISHU", robot.url, "wrong"), group, send);
    expect(outcome).toMatchObject({ status: "dead" });
    expect(outcome.answer).toContain("19021");
  });
});

describe("the vendors' formats", () => {
  it("企业微信 gets markdown with the title in bold and the link", async () => {
    const robot = await receiver({ kind: "WECOM" });
    await sendToChannel(target("WECOM", robot.url), group, send);
    expect(robot.received[0].body).toEqual({
      msgtype: "markdown",
      markdown: {
        content: `**${group.title}**\n${group.lines.join("\n")}\n[认领](https://crm.example/crm/leads/abc)`,
      },
    });
  });

  it("钉钉 gets an actionCard with one button for a link, markdown without", async () => {
    const robot = await receiver({ kind: "DINGTALK" });
    await sendToChannel(target("DINGTALK", robot.url), group, send);
    await sendToChannel(target("DINGTALK", robot.url), { ...group, link: undefined }, send);
    const text = `### ${group.title}\n\n${group.lines.join("\n\n")}`;
    expect(robot.received[0].body).toEqual({
      msgtype: "actionCard",
      actionCard: { title: group.title, text, singleTitle: "认领", singleURL: group.link!.url },
    });
    expect(robot.received[1].body).toEqual({ msgtype: "markdown", markdown: { title: group.title, text } });
  });

  it("飞书 gets an interactive card: a header, the lines, a button to the link", async () => {
    const robot = await receiver({ kind: "FEISHU" });
    await sendToChannel(target("FEISHU", robot.url), group, send);
    expect(robot.received[0].body).toMatchObject({
      msg_type: "interactive",
      card: {
        header: { title: { tag: "plain_text", content: group.title } },
        elements: [
          { tag: "div", text: { tag: "lark_md", content: group.lines.join("\n") } },
          {
            tag: "action",
            actions: [{ tag: "button", text: { tag: "plain_text", content: "认领" }, url: group.link!.url }],
          },
        ],
      },
    });
    expect(robot.received[0].body).not.toHaveProperty("sign");
  });
});

describe("the generic webhook", () => {
  it("POSTs the message as JSON, signed over the timestamp and body, with the delivery and topic", async () => {
    const endpoint = await receiver({ kind: "WEBHOOK", secret: SECRET });
    expect(await sendToChannel(target("WEBHOOK", endpoint.url, SECRET), hook, send)).toMatchObject({ status: "sent" });
    expect(await sendToChannel(target("WEBHOOK", endpoint.url, SECRET), hook, send)).toMatchObject({ status: "sent" });
    expect(endpoint.received).toHaveLength(2);
    const [first, again] = endpoint.received;
    expect(first.body).toEqual(JSON.parse(JSON.stringify(hook)));
    expect(first.headers["content-type"]).toMatch(/^application\/json/);
    expect(first.headers["x-parklead-topic"]).toBe("new_lead");
    expect(first.headers["x-parklead-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(first.headers["x-parklead-delivery"]).toBe("delivery-1");
    expect(again.headers["x-parklead-delivery"]).toBe(first.headers["x-parklead-delivery"]);
  });

  it("refuses a message whose words carry a full mobile number, before anything is sent", async () => {
    const endpoint = await receiver({ kind: "WEBHOOK" });
    const leaky = { ...hook, text: { ...hook.text, lines: ["联系人：王先生 +86 138-1234-5678"] } };
    expect(await sendToChannel(target("WEBHOOK", endpoint.url), leaky, send)).toEqual({
      status: "dead",
      answer: REFUSED_PHONE,
    });
    expect(endpoint.requests).toHaveLength(0);
  });

  it("sends no signature header without a secret", async () => {
    const endpoint = await receiver({ kind: "WEBHOOK" });
    expect((await sendToChannel(target("WEBHOOK", endpoint.url), hook, send)).status).toBe("sent");
    expect(endpoint.received[0].headers).not.toHaveProperty("x-parklead-signature");
    expect(endpoint.received[0].headers["x-parklead-timestamp"]).toMatch(/^\d{10}$/);
  });

  it("is refused by a receiver holding another secret: 401, dead", async () => {
    const endpoint = await receiver({ kind: "WEBHOOK", secret: SECRET });
    const outcome = await sendToChannel(target("WEBHOOK", endpoint.url, "another secret"), hook, send);
    expect(outcome).toMatchObject({ status: "dead" });
    expect(outcome.answer).toMatch(/^HTTP 401/);
  });

  it("retries 429 after its Retry-After, and 500; 410 is dead", async () => {
    const endpoint = await receiver({ kind: "WEBHOOK", behaviour: ["rate-limit", "server-error", "bad-key"] });
    const to = target("WEBHOOK", endpoint.url);
    expect(await sendToChannel(to, hook, send)).toMatchObject({ status: "retry", retryAfterMs: 30_000 });
    const serverError = await sendToChannel(to, hook, send);
    expect(serverError.status).toBe("retry");
    expect(serverError).not.toHaveProperty("retryAfterMs");
    expect(await sendToChannel(to, hook, send)).toMatchObject({
      status: "dead",
      answer: expect.stringMatching(/^HTTP 410/),
    });
  });

  it("retries when nobody listens, and names only the failure", async () => {
    const endpoint = await receiver({ kind: "WEBHOOK" });
    const url = endpoint.url;
    await endpoint.close();
    receivers = [];
    expect(await sendToChannel(target("WEBHOOK", url), hook, send)).toEqual({
      status: "retry",
      answer: "network error: ECONNREFUSED",
    });
  });

  it("does not follow a redirect: a signed request goes only where it was configured", async () => {
    let followed = 0;
    const server = createServer((request, response) => {
      if (request.url === "/elsewhere") followed++;
      response.writeHead(request.url === "/elsewhere" ? 200 : 307, { location: "/elsewhere" }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const outcome = await sendToChannel(target("WEBHOOK", `http://127.0.0.1:${port}/hook`, SECRET), hook, send);
      expect(outcome).toEqual({ status: "dead", answer: "HTTP 307: redirected" });
      expect(followed).toBe(0);
    } finally {
      server.close();
    }
  });
});

/** A bare server on loopback answering each POST as `answer` does; closed after `work`. */
async function withServer(
  answer: Parameters<typeof createServer>[1],
  work: (url: string) => Promise<void>,
): Promise<void> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe("the HTTP exchange itself", () => {
  it("counts an answer that starts and then stalls as no answer in time", async () => {
    await withServer(
      (request, response) => {
        request.resume();
        // The status line and part of the body, then nothing more.
        response.writeHead(200, { "content-type": "application/json" });
        response.write('{"errcode":');
      },
      async (url) => {
        const outcome = await sendToChannel(target("WECOM", url), group, { ...send, timeoutMs: 300 });
        expect(outcome).toEqual({ status: "retry", answer: "no answer within 300 ms" });
      },
    );
  });

  it("reads no more than 64 KB of an answer, and keeps only its beginning", async () => {
    let written = 0;
    await withServer(
      (request, response) => {
        request.resume();
        response.writeHead(500, { "content-type": "text/plain" });
        // 1 MB of answer: more than anyone needs to judge a send.
        const chunk = "x".repeat(16 * 1024);
        for (let i = 0; i < 64; i++) {
          response.write(chunk);
          written += chunk.length;
        }
        response.end();
      },
      async (url) => {
        const outcome = await sendToChannel(target("WEBHOOK", url, SECRET), hook, send);
        expect(written).toBe(1024 * 1024);
        expect(outcome.status).toBe("retry");
        expect(outcome.answer).toMatch(/^HTTP 500: x+…$/);
        expect(outcome.answer.length).toBeLessThanOrEqual(320);
      },
    );
  });

  it("sends the body as UTF-8 with its length, keeping the connection for the next send", async () => {
    const seen: { length: string | undefined; body: string; socket: unknown }[] = [];
    await withServer(
      (request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          seen.push({
            length: request.headers["content-length"],
            body: Buffer.concat(chunks).toString("utf8"),
            socket: request.socket,
          });
          response.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
        });
      },
      async (url) => {
        expect(await sendToChannel(target("WECOM", url), group, send)).toMatchObject({ status: "sent" });
        expect(await sendToChannel(target("WECOM", url), group, send)).toMatchObject({ status: "sent" });
      },
    );
    expect(seen).toHaveLength(2);
    expect(Number(seen[0].length)).toBe(Buffer.byteLength(seen[0].body, "utf8"));
    expect(JSON.parse(seen[0].body).markdown.content).toContain("新线索：平湖某某电机");
    expect(seen[1].socket).toBe(seen[0].socket);
  });
});

describe("sendToChannel's own checks", () => {
  it("refuses an address that is not http(s) as dead, and a medium the channel cannot take as a programming error", async () => {
    expect(await sendToChannel(target("WEBHOOK", "ftp://example.com/x"), hook, send)).toMatchObject({ status: "dead" });
    await expect(sendToChannel(target("WECOM", "http://127.0.0.1:9/x"), hook, send)).rejects.toThrow(/WEBHOOK message/);
    await expect(sendToChannel(target("WEBHOOK", "http://127.0.0.1:9/x"), group, send)).rejects.toThrow(
      /GROUP message/,
    );
  });
});

describe("the README's verification snippet", () => {
  /** The ```js block of README.md's webhook section, as a receiver would paste it. */
  async function readmeVerifier() {
    const readme = await readFile(path.join(process.cwd(), "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### The generic webhook"));
    const code = /```js\n([\s\S]*?)```/.exec(section)![1];
    const load = new Function("require", `${code}\nreturn verifyParklead;`) as (
      require: NodeJS.Require,
    ) => (headers: IncomingHttpHeaders, rawBody: string, secret: string, nowSeconds?: number) => boolean;
    return load(createRequire(import.meta.url));
  }

  it("accepts what Parklead signs, and refuses another secret, an altered body and an old timestamp", async () => {
    const verify = await readmeVerifier();
    let raw = "";
    let headers: IncomingHttpHeaders = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        raw = Buffer.concat(chunks).toString("utf8");
        headers = request.headers;
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const outcome = await sendToChannel(target("WEBHOOK", `http://127.0.0.1:${port}/`, SECRET), hook, send);
      expect(outcome.status).toBe("sent");
      expect(verify(headers, raw, SECRET)).toBe(true);
      expect(verify(headers, raw, "another secret")).toBe(false);
      expect(verify(headers, raw.replace("abc", "abd"), SECRET)).toBe(false);
      const signedAt = Number(headers["x-parklead-timestamp"]);
      expect(verify(headers, raw, SECRET, signedAt + 299)).toBe(true);
      expect(verify(headers, raw, SECRET, signedAt + 301)).toBe(false);
    } finally {
      server.close();
    }
  });
});
