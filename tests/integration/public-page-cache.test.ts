import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { varyKeptPagesByLanguage } from "@/lib/http/kept-page-vary";
import { FRESH_PAGE_CACHE_CONTROL, KEPT_PAGE_CACHE_CONTROL } from "@/lib/http/page-cache";

const visitor = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (visitor.cookies.has(name) ? { name, value: visitor.cookies.get(name) } : undefined),
  }),
  headers: async () => visitor.headers,
}));

const proxy = async (path: string, method = "GET") =>
  (await import("@/proxy")).proxy(new NextRequest(new URL(path, "http://parks.example.cn"), { method }));

describe("which pages the browser may keep (proxy.ts)", () => {
  it.each([
    "/",
    "/listings",
    "/listings?park=pinghu&kind=factory",
    "/listings/cmx0listing",
    "/privacy",
    "/inquire",
    "/inquire?listing=cmx0listing",
  ])("keeps the public page %s for back/forward, revalidated on every ordinary visit", async (path) => {
    const response = await proxy(path);
    expect(response.headers.get("cache-control")).toBe(KEPT_PAGE_CACHE_CONTROL);
    expect(KEPT_PAGE_CACHE_CONTROL).toMatch(/\bprivate\b/);
    expect(KEPT_PAGE_CACHE_CONTROL).not.toMatch(/no-store|public|max-age=[1-9]/);
  });

  it.each([
    "/inquire/sent/PL-20261206-0001?status=abc.def",
    "/inquire/status/cmx0inquiry.digest",
    "/login",
    "/crm",
    "/crm/leads/cmx0lead",
    "/listings/cmx0listing/edit",
  ])("never stores %s: a person's data, a key in the address, or the workspace", async (path) => {
    const response = await proxy(path);
    // A signed-out visitor to /crm is sent to sign in; the redirect is not kept either.
    expect(response.headers.get("cache-control") ?? "no-store").toMatch(/no-store/);
    if (response.status < 300) expect(response.headers.get("cache-control")).toBe(FRESH_PAGE_CACHE_CONTROL);
  });

  it("never stores the answer to a form sent to a public page (a server action's POST)", async () => {
    const response = await proxy("/inquire", "POST");
    expect(response.headers.get("cache-control")).toBe(FRESH_PAGE_CACHE_CONTROL);
  });
});

describe("a kept page's Vary header (lib/http/kept-page-vary.ts)", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    varyKeptPagesByLanguage();
    server = createServer((request, response) => {
      // As Next answers a page: its own Vary, set after the proxy's Cache-Control.
      response.setHeader("Cache-Control", request.url === "/kept" ? KEPT_PAGE_CACHE_CONTROL : FRESH_PAGE_CACHE_CONTROL);
      response.setHeader("Vary", "rsc, next-router-state-tree");
      response.end("<!doctype html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const varyOf = (path: string) =>
    new Promise<string | undefined>((resolve, reject) => {
      httpRequest({ host: "127.0.0.1", port, path }, (response) => {
        response.resume();
        resolve(response.headers.vary);
      })
        .on("error", reject)
        .end();
    });

  it("names the language and the cookie on a kept page, beside Next's own fields", async () => {
    expect(await varyOf("/kept")).toBe("rsc, next-router-state-tree, Accept-Language, Cookie");
  });

  it("leaves a no-store page's Vary as it was", async () => {
    expect(await varyOf("/fresh")).toBe("rsc, next-router-state-tree");
  });
});

describe("the visitor's language (lib/i18n/server.ts)", () => {
  const localeFor = async (acceptLanguage: string, cookie?: string) => {
    visitor.headers = new Headers({ "accept-language": acceptLanguage });
    visitor.cookies = new Map(cookie ? [["locale", cookie]] : []);
    vi.resetModules();
    return (await import("@/lib/i18n/server")).getLocale();
  };

  it("is English for a browser that prefers English, without a cookie", async () => {
    expect(await localeFor("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
  });

  it("is Chinese for a browser that prefers Chinese, or says nothing", async () => {
    expect(await localeFor("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(await localeFor("")).toBe("zh-CN");
  });

  it("is the one the visitor picked with the switch, whatever the browser prefers", async () => {
    expect(await localeFor("en-US,en;q=0.9", "zh-CN")).toBe("zh-CN");
    expect(await localeFor("zh-CN,zh;q=0.9", "en")).toBe("en");
  });
});
