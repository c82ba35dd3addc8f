import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp, PEER_HEADER } from "./client-ip";
import { stampPeerAddresses } from "./peer-address";

const headers = (values: Record<string, string>) => new Headers(values);

/** Sends one request with the given headers to a real server and returns the headers the app saw. */
async function headersSeenByServer(sent: Record<string, string>): Promise<Headers> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((request, response) => {
    seen = request.headers;
    response.end("ok");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    const { port } = server.address() as AddressInfo;
    const answered = new Promise<void>((resolve, reject) => {
      const outgoing = httpRequest({ host: "127.0.0.1", port, path: "/", headers: sent }, (response) => {
        response.resume();
        response.on("end", resolve);
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
    await answered;
  } finally {
    server.close();
  }
  return new Headers(Object.entries(seen).map(([name, value]): [string, string] => [name, String(value)]));
}

describe("clientIp", () => {
  it("believes no header a client wrote when no proxy is trusted: neither X-Forwarded-For nor a peer header it forged", () => {
    expect(clientIp(headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBeUndefined();
    expect(clientIp(headers({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "1.2.3.4" }), 0)).toBeUndefined();
  });

  it("takes the socket's address, stamped by the server over whatever the client sent, whichever way the server was started", async () => {
    stampPeerAddresses();
    const forged = { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" };
    const seen = await headersSeenByServer(forged);
    expect(clientIp(seen, 0)).toBe("127.0.0.1");
    // A second install (a second register() in one process) keeps the one stamp.
    stampPeerAddresses();
    expect(
      clientIp(
        await headersSeenByServer({ [PEER_HEADER]: seen.get(PEER_HEADER)!.replace("127.0.0.1", "203.0.113.9") }),
        0,
      ),
    ).toBe("127.0.0.1");
  });

  it("takes the address the trusted proxy appended, not what the client claimed", async () => {
    stampPeerAddresses();
    const seen = await headersSeenByServer({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(clientIp(seen, 1)).toBe("198.51.100.7");
    expect(clientIp(seen, 2)).toBe("1.2.3.4");
  });

  it("falls back to the socket's address when the chain is shorter than the proxies configured", async () => {
    stampPeerAddresses();
    expect(clientIp(await headersSeenByServer({}), 1)).toBe("127.0.0.1");
  });
});
