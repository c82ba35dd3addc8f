/*
 * Which pages a visitor's browser may keep. Public pages with nothing personal on them are
 * `private, no-cache`: never kept by a shared cache, asked for again on every ordinary visit, but kept
 * for back/forward (the back-forward cache and the history's copy), so going back to a listing does not
 * load it again. Each kept copy holds its own CSP nonce together with the policy it was sent with, so
 * replaying it weakens nothing. The inquiry form on them carries a submission key; the form takes a new
 * one when its page comes back from history (components/inquiry/fresh-submission-key.ts).
 * Everything else — the workspace, sign-in, the inquiry's receipt and status pages (a person's data, a
 * key in the address), a form's answer — is `no-store`.
 */

export const KEPT_PAGE_CACHE_CONTROL = "private, no-cache";
export const FRESH_PAGE_CACHE_CONTROL = "private, no-store";

/** What a kept page depends on besides its address: the language (lib/i18n/server.ts) and the cookie that picks it. */
export const KEPT_PAGE_VARY = ["Accept-Language", "Cookie"] as const;

const KEPT_PAGES = [/^\/$/, /^\/listings$/, /^\/listings\/[^/]+$/, /^\/privacy$/, /^\/inquire$/];

export function pageCacheControl(method: string, pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  const read = method === "GET" || method === "HEAD";
  return read && KEPT_PAGES.some((page) => page.test(path)) ? KEPT_PAGE_CACHE_CONTROL : FRESH_PAGE_CACHE_CONTROL;
}

/** A Vary header that also names the kept page's inputs (a field already there is not repeated). */
export function withKeptPageVary(vary: string | undefined): string {
  const fields = (vary ?? "")
    .split(",")
    .map((field) => field.trim())
    .filter(Boolean);
  for (const field of KEPT_PAGE_VARY) {
    if (!fields.some((present) => present.toLowerCase() === field.toLowerCase())) fields.push(field);
  }
  return fields.join(", ");
}
