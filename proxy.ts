import { NextResponse, type NextRequest } from "next/server";
import { databaseMarkedDown } from "@/lib/db/availability";
import { env } from "@/lib/env";
import { databaseUnavailablePage } from "@/lib/http/database-unavailable-page";
import {
  contentSecurityPolicy,
  newNonce,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";
import { FRESH_PAGE_CACHE_CONTROL, pageCacheControl } from "@/lib/http/page-cache";
import { ATTRIBUTION_COOKIE, isOwnSite, sourceFromUrl, type InquirySource } from "@/lib/inquiries/source";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Every page: a Content-Security-Policy with a fresh nonce (Next reads it from the request's header
 * and puts it on its own scripts, so every page must render per request — the root layout is
 * force-dynamic) and, over https, Strict-Transport-Security.
 * Signed-out visitors to /crm go to /login. On other pages, first-touch attribution: when a visitor
 * lands from a campaign link or another site, remember the UTM tags, referrer and landing page for
 * 30 days, so an inquiry sent pages later still credits them.
 * Public pages with nothing personal on them may be kept by the visitor's browser for back/forward; every
 * other page is no-store (lib/http/page-cache.ts).
 * While this instance has seen its database unavailable and no probe has found it back
 * (lib/db/availability.ts), page views get a 503 page at once: a page that fails to render can only
 * be a 500.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers, {
    publicUrl: process.env.NEXTAUTH_URL,
    trustedProxies: env().PARKLEAD_TRUSTED_PROXIES,
  });
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    https,
  });
  const secured = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", policy);
    if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return response;
  };

  // Page views only: a server action (POST with Next-Action) must reach its action, which answers
  // the form "database unavailable, nothing was saved" itself; a 503 page would read as a crash.
  if ((request.method === "GET" || request.method === "HEAD") && databaseMarkedDown()) {
    return secured(databaseUnavailablePage(request.method));
  }

  if (request.nextUrl.pathname.startsWith("/crm") && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    // Optimistic: saves signed-out visitors a render. The real check is requireUser() in lib/.
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    const redirect = secured(NextResponse.redirect(login));
    redirect.headers.set("Cache-Control", FRESH_PAGE_CACHE_CONTROL);
    return redirect;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = secured(NextResponse.next({ request: { headers: requestHeaders } }));
  response.headers.set("Cache-Control", pageCacheControl(request.method, request.nextUrl.pathname));
  if (request.method !== "GET" || request.cookies.has(ATTRIBUTION_COOKIE)) return response;

  const source: InquirySource = sourceFromUrl(request.nextUrl);
  const referrer = request.headers.get("referer");
  if (referrer && URL.canParse(referrer) && !isOwnSite(referrer, request.headers.get("host") ?? request.nextUrl.host))
    source.referrer = referrer.slice(0, 500);
  if (Object.keys(source).length === 0) return response;
  source.page = request.nextUrl.pathname.slice(0, 500);
  response.cookies.set(ATTRIBUTION_COOKIE, JSON.stringify(source), {
    maxAge: 30 * 24 * 3600,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
  });
  return response;
}

export const config = {
  // Pages only: not API routes, assets, stored photos (publicly cached: never with a cookie) or Next's own files.
  // API responses get their (stricter) policy from next.config.js.
  matcher: ["/((?!api|_next/|demo/|uploads/|media/|favicon.ico).*)"],
};
