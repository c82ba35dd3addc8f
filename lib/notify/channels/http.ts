import "server-only";
import http from "node:http";
import https from "node:https";
import type { Outcome } from "../message";

/*
 * One POST to a robot or webhook and what its HTTP layer says. Answers kept in the delivery log
 * are the receiver's own words, trimmed; never the request body or the URL (the URL carries the
 * robot's key).
 */

/** Delivery.answer holds 500 characters; leave room for a prefix. */
const ANSWER_LENGTH = 300;

export function trimmed(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > ANSWER_LENGTH ? `${flat.slice(0, ANSWER_LENGTH - 1)}…` : flat;
}

/** Retry-After in seconds or as an HTTP date; absent or unreadable gives undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface HttpAnswer {
  status: number;
  text: string;
  retryAfterMs?: number;
}

/**
 * Connections kept open between sends: a busy workspace posts to the same robot every pass, and a
 * TLS handshake per message would cost more than the message.
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 16 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 16 }),
};
/** More than any vendor's answer; a receiver that streams on is cut off, not read to the end. */
const ANSWER_BYTES = 64 * 1024;

/**
 * POSTs `body` as JSON. A network failure or a timeout comes back as a retry outcome; anything the
 * server answered comes back as an HttpAnswer for the caller to judge. Redirects are not followed:
 * a signed request is never replayed to an address nobody configured.
 *
 * Node's own http client rather than fetch: under a stream of inquiries the worker posts several
 * times a second, and fetch (its web streams and request objects) cost about three times the CPU
 * of a plain request for the same exchange.
 */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<HttpAnswer | Outcome> {
  return new Promise((resolve) => {
    const signal = AbortSignal.timeout(timeoutMs);
    // A timeout that cuts an answer short surfaces as a reset socket: it is still a timeout.
    const fail = (error: unknown) =>
      resolve({ status: "retry", answer: signal.aborted ? `no answer within ${timeoutMs} ms` : networkFailure(error) });
    const target = URL.parse(url);
    if (!target || !(target.protocol in agents)) return fail({ code: "not an http(s) address" });
    const client = target.protocol === "https:" ? https : http;
    const payload = Buffer.from(body, "utf8");
    const request = client.request(
      target,
      {
        method: "POST",
        agent: agents[target.protocol as keyof typeof agents],
        headers: {
          "content-type": "application/json; charset=utf-8",
          ...headers,
          "content-length": String(payload.length),
        },
        signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let length = 0;
        response.on("data", (chunk: Buffer) => {
          if (length >= ANSWER_BYTES) return;
          chunks.push(chunk);
          length += chunk.length;
        });
        response.on("error", fail);
        response.on("end", () => {
          const header = response.headers["retry-after"];
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).subarray(0, ANSWER_BYTES).toString("utf8"),
            retryAfterMs: retryAfterMs(typeof header === "string" ? header : null),
          });
        });
      },
    );
    request.on("error", fail);
    request.end(payload);
  });
}

/** The failure's kind only (a code such as ECONNREFUSED): a message may name the address. */
function networkFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return `network error: ${typeof code === "string" ? code : "unknown"}`;
}

export function isOutcome(value: HttpAnswer | Outcome): value is Outcome {
  return typeof value.status === "string";
}

/**
 * What the HTTP status alone decides for every channel: 429 and 5xx are worth another try (after
 * Retry-After when given), a redirect is a wrong address. Undefined: the body decides.
 */
export function outcomeOfStatus(answer: HttpAnswer): Outcome | undefined {
  const said = `HTTP ${answer.status}${answer.text ? `: ${trimmed(answer.text)}` : ""}`;
  if (answer.status === 429 || answer.status >= 500) {
    return answer.retryAfterMs === undefined
      ? { status: "retry", answer: said }
      : { status: "retry", answer: said, retryAfterMs: answer.retryAfterMs };
  }
  if (answer.status >= 300 && answer.status < 400)
    return { status: "dead", answer: `HTTP ${answer.status}: redirected` };
  return undefined;
}

/** The JSON a vendor answered, or undefined when it is not a JSON object. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A group robot's POST: the HTTP status first (429/5xx retry, redirects dead), then the vendor's
 * JSON code through `judge`; a 2xx the vendor's format does not explain, or any other 4xx, is dead.
 */
export async function postToRobot(
  url: string,
  payload: unknown,
  timeoutMs: number,
  judge: (json: Record<string, unknown>, answer: string) => Outcome | undefined,
): Promise<Outcome> {
  const answer = await postJson(url, JSON.stringify(payload), {}, timeoutMs);
  if (isOutcome(answer)) return answer;
  const byStatus = outcomeOfStatus(answer);
  if (byStatus) return byStatus;
  const json = jsonObject(answer.text);
  const verdict = json && judge(json, trimmed(answer.text));
  if (verdict) return verdict;
  const said = answer.text ? trimmed(answer.text) : "(empty)";
  return { status: "dead", answer: `HTTP ${answer.status}, unexpected answer: ${said}` };
}
