import { randomBytes } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { PEER_HEADER, PEER_STAMP, type Stamped } from "./client-ip";

// Node's events that hand a request to the application; "checkContinue" replaces "request" when a
// client sends `Expect: 100-continue` and a listener exists.
const REQUEST_EVENTS = new Set<string | symbol>(["request", "checkContinue", "checkExpectation", "upgrade"]);

/**
 * Makes every HTTP server in this process stamp each request with the address of the socket it came
 * in on, overwriting whatever a client sent under that header. Installed by instrumentation's
 * register(), which Next runs in the process that owns the server, whether it was started by
 * `next start` or by scripts/start.mjs, so both ways of starting know the peer the same way.
 *
 * The stamp carries a random token of this process: a request that reached the server before the
 * patch was installed (during start-up under `next start`) keeps a client-sent header, and the
 * token tells the two apart.
 */
export function stampPeerAddresses(): void {
  const global = globalThis as Stamped;
  if (global[PEER_STAMP]) return;
  const token = randomBytes(18).toString("base64url");
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (REQUEST_EVENTS.has(event)) {
        const request = args[0] as IncomingMessage;
        request.headers[PEER_HEADER] = `${token} ${request.socket?.remoteAddress ?? ""}`;
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
  global[PEER_STAMP] = token;
}
