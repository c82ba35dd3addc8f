import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

// One trusted proxy in front, read once by env(): set before proxy.ts first runs. Workers run other
// files after this one in the same process, so the environment is put back.
const before = { proxies: process.env.PARKLEAD_TRUSTED_PROXIES, url: process.env.NEXTAUTH_URL };
const restore = (name: string, value: string | undefined) =>
  value === undefined ? delete process.env[name] : (process.env[name] = value);
beforeAll(() => {
  process.env.PARKLEAD_TRUSTED_PROXIES = "1";
  delete process.env.NEXTAUTH_URL;
});
afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});
afterAll(() => {
  restore("PARKLEAD_TRUSTED_PROXIES", before.proxies);
  restore("NEXTAUTH_URL", before.url);
});

const load = async () => (await import("@/proxy")).proxy;
const page = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, "http://parks.example.cn"), { headers });

describe("proxy.ts: the headers of every page", () => {
  it("gives each page its own nonce policy and hands the same policy to Next for its scripts", async () => {
    const proxy = await load();
    const first = proxy(page("/listings"));
    const second = proxy(page("/listings"));
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // NextResponse.next({ request: { headers } }) passes request headers on as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("puts the policy on the sign-in redirect of a signed-out visitor to /crm too", async () => {
    const proxy = await load();
    const response = proxy(page("/crm/leads"));
    expect(response.status).toBe(307);
    expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
  });

  it("sends Strict-Transport-Security only when the trusted proxy says https, or NEXTAUTH_URL is https", async () => {
    const proxy = await load();
    expect(proxy(page("/")).headers.get("strict-transport-security")).toBeNull();
    expect(proxy(page("/", { "x-forwarded-proto": "http" })).headers.get("strict-transport-security")).toBeNull();
    const proxied = proxy(page("/", { "x-forwarded-proto": "https" }));
    expect(proxied.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(proxied.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    process.env.NEXTAUTH_URL = "https://parks.example.cn";
    expect(proxy(page("/")).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});
