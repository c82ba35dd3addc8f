import { NextResponse, type NextRequest } from "next/server";
import { ATTRIBUTION_COOKIE, sourceFromUrl, type InquirySource } from "@/lib/inquiries/source";

/**
 * First-touch attribution: when a visitor lands from a campaign link or another site, remember the
 * UTM tags, referrer and landing page for 30 days, so an inquiry sent pages later still credits them.
 */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  if (request.method !== "GET" || request.cookies.has(ATTRIBUTION_COOKIE)) return response;

  const source: InquirySource = sourceFromUrl(request.nextUrl);
  const referrer = request.headers.get("referer");
  if (referrer) {
    try {
      if (new URL(referrer).host !== request.nextUrl.host) source.referrer = referrer.slice(0, 500);
    } catch {
      // Not a URL: nothing to credit.
    }
  }
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
  // Pages only: not API routes, assets or Next's own files.
  matcher: ["/((?!api|_next/|demo/|uploads/|favicon.ico).*)"],
};
