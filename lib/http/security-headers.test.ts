import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with this response's nonce or when loaded by one", () => {
    const nonce = newNonce();
    const policy = directives(contentSecurityPolicy({ nonce }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("allows eval only under next dev and upgrades requests only over https", () => {
    const nonce = newNonce();
    expect(contentSecurityPolicy({ nonce })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(contentSecurityPolicy({ nonce })).not.toContain("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy({ nonce, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("makes a new nonce each time and refuses one that could break out of the header", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(() => contentSecurityPolicy({ nonce: "abc" })).toThrow(/nonce/);
    expect(() => contentSecurityPolicy({ nonce: "aaaaaaaaaaaaaaaa'; script-src *" })).toThrow(/nonce/);
  });
});

describe("servedOverHttps", () => {
  const proto = (value: string) => new Headers({ "x-forwarded-proto": value });

  it("trusts an https NEXTAUTH_URL", () => {
    expect(servedOverHttps(new Headers(), { publicUrl: "https://parks.example.cn", trustedProxies: 0 })).toBe(true);
    expect(servedOverHttps(new Headers(), { publicUrl: "http://10.0.0.5:3000", trustedProxies: 0 })).toBe(false);
    expect(servedOverHttps(new Headers(), { publicUrl: "", trustedProxies: 0 })).toBe(false);
  });

  it("never takes X-Forwarded-Proto from a client when no proxy is trusted", () => {
    expect(servedOverHttps(proto("https"), { trustedProxies: 0 })).toBe(false);
  });

  it("takes X-Forwarded-Proto from trusted proxies, the outermost one's entry", () => {
    expect(servedOverHttps(proto("https"), { trustedProxies: 1 })).toBe(true);
    expect(servedOverHttps(proto("http"), { trustedProxies: 1 })).toBe(false);
    expect(servedOverHttps(new Headers(), { trustedProxies: 1 })).toBe(false);
    // A client-sent "https" left of what the one trusted proxy appended is not believed.
    expect(servedOverHttps(proto("https, http"), { trustedProxies: 1 })).toBe(false);
    expect(servedOverHttps(proto("https, http"), { trustedProxies: 2 })).toBe(true);
  });
});
