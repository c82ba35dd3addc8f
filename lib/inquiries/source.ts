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

export function parseAttributionCookie(value: string | undefined): InquirySource {
  if (!value) return {};
  try {
    return inquirySourceSchema.parse(JSON.parse(value));
  } catch {
    return {};
  }
}
