import { describe, expect, it } from "vitest";
import { clientIp, PEER_HEADER } from "./client-ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("uses the socket peer when no proxy is trusted, ignoring a client-sent X-Forwarded-For", () => {
    expect(clientIp(headers({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "1.2.3.4" }), 0)).toBe("203.0.113.9");
  });

  it("takes the address the trusted proxy appended, not what the client claimed", () => {
    const request = headers({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(clientIp(request, 1)).toBe("198.51.100.7");
    expect(clientIp(request, 2)).toBe("1.2.3.4");
  });

  it("falls back to the peer when the chain is shorter than the proxies configured", () => {
    expect(clientIp(headers({ [PEER_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });
});
