import { z } from "zod";

/** Where an inquiry came from, recorded automatically (never typed by the investor). */
export interface InquirySource {
  page?: string;
  referrer?: string;
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  utmTerm?: string;
  utmContent?: string;
}

export const utmParams = {
  utm_source: "utmSource",
  utm_medium: "utmMedium",
  utm_campaign: "utmCampaign",
  utm_term: "utmTerm",
  utm_content: "utmContent",
} as const satisfies Record<string, keyof InquirySource>;

const field = z.string().trim().min(1).max(500).optional().catch(undefined);

/** Attribution arrives from browsers and partner sites: clip it, drop what is not text. */
export const inquirySourceSchema = z.object({
  page: field,
  referrer: field,
  utmSource: field,
  utmMedium: field,
  utmCampaign: field,
  utmTerm: field,
  utmContent: field,
});

/** The first-touch attribution cookie, written by proxy.ts when a visitor lands with UTM tags or from another site. */
export const ATTRIBUTION_COOKIE = "pl_src";

export function sourceFromUrl(url: URL): InquirySource {
  const source: InquirySource = {};
  for (const [param, key] of Object.entries(utmParams)) {
    const value = url.searchParams.get(param);
    if (value) source[key] = value;
  }
  return source;
}

/** A host as the reports group referring sites (report_referrer_host): lower-cased, no port, no leading "www.". */
function siteOf(host: string): string {
  const name = host.trim().toLowerCase().replace(/:\d*$/, "");
  return name.startsWith("www.") ? name.slice(4) : name;
}

/** The public address's host (NEXTAUTH_URL) as the reports write referring sites; null when none is set. */
export function publicSiteHost(): string | null {
  const host = process.env.NEXTAUTH_URL ? URL.parse(process.env.NEXTAUTH_URL)?.host : undefined;
  return host ? siteOf(host) : null;
}

/**
 * Whether a referrer is one of the site's own pages: on the host the request reached, or on the
 * public address (NEXTAUTH_URL) a proxy in front serves it under. A visitor moving between our
 * pages came from nowhere new.
 */
export function isOwnSite(referrer: string, requestHost: string | null): boolean {
  const own = [requestHost && siteOf(requestHost), publicSiteHost()];
  const host = URL.parse(referrer)?.host;
  return host ? own.includes(siteOf(host)) : false;
}

/** The source without a referrer that is the site itself (see isOwnSite): that counts as none. */
export function withoutOwnReferrer(source: InquirySource, requestHost: string | null): InquirySource {
  if (!source.referrer || !isOwnSite(source.referrer, requestHost)) return source;
  const { referrer: _own, ...rest } = source;
  return rest;
}

export function parseAttributionCookie(value: string | undefined): InquirySource {
  if (!value) return {};
  try {
    return inquirySourceSchema.parse(JSON.parse(value));
  } catch {
    return {};
  }
}
