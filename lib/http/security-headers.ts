/**
 * The security headers every page carries, built per request by proxy.ts. Kept free of Next and of
 * server-only imports so the policy can be tested on its own.
 */

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface PolicyOptions {
  nonce: string;
  /** `next dev` evaluates code to rebuild server error stacks in the browser; production never does. */
  development?: boolean;
  /** Only over https: on plain http (an intranet, the test servers) it would break every asset. */
  https?: boolean;
}

/**
 * The page Content-Security-Policy. Scripts run only with this response's nonce (Next reads it from
 * the request's header and puts it on its own scripts) or when loaded by such a script
 * ('strict-dynamic': Next's chunks); 'self' is only the fallback for browsers without CSP 3.
 * Styles allow 'unsafe-inline' because React renders `style` attributes (charts, bars, photo
 * layouts) and a nonce cannot cover an attribute; styles cannot run code.
 */
export function contentSecurityPolicy({ nonce, development = false, https = false }: PolicyOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    // The workspace and the form are never framed by another site (clickjacking a consent box).
    ["frame-ancestors", "'self'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** One year; no includeSubDomains: a park's intranet may serve other hosts under the domain over http. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

export interface HttpsOptions {
  /** NEXTAUTH_URL: an https:// address says the site is served over TLS. */
  publicUrl?: string;
  /** PARKLEAD_TRUSTED_PROXIES: only then is X-Forwarded-Proto someone's word other than the client's. */
  trustedProxies: number;
}

/**
 * Whether the visitor reached the site over https. With no trusted proxy, X-Forwarded-Proto is
 * whatever the client sent (Next only fills it in when missing) and is ignored. Behind N proxies,
 * the entry N from the right is the one the outermost trusted proxy wrote, as for X-Forwarded-For.
 */
export function servedOverHttps(headers: Headers, { publicUrl, trustedProxies }: HttpsOptions): boolean {
  if (publicUrl?.trim().toLowerCase().startsWith("https://")) return true;
  if (trustedProxies <= 0) return false;
  const chain = (headers.get("x-forwarded-proto") ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  const entry = chain.length === 1 ? chain[0] : chain[chain.length - trustedProxies];
  return entry === "https";
}
