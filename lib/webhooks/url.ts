/*
 * Where a subscription may post. Its payloads carry the leads' contacts (the API's resources), so they
 * travel over https; plain http only to this machine or a private network (a receiver on loopback, a
 * system inside the park's own network), where nothing crosses the internet. Client-safe: the form
 * checks the same rule while typing.
 */

/** 127.0.0.0/8, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16 */
function privateIpv4(host: string): boolean {
  const [a, b] = host.split(".").map(Number);
  return (
    a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
  );
}

/** ::1, fc00::/7 (unique local), fe80::/10 (link local) */
function privateIpv6(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "::1" || /^f[cd][0-9a-f]{0,2}:/.test(bare) || /^fe[89ab][0-9a-f]?:/.test(bare);
}

/**
 * Whether a URL's host (as the URL parser writes it: IPv4 in dotted decimal, IPv6 in brackets) is this
 * machine or on a private network.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return privateIpv4(host);
  if (host.startsWith("[")) return privateIpv6(host);
  return false;
}

/** The URL a subscription may post to, or null: https anywhere, http only to a private host; no user or password. */
export function webhookUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.hostname === "" || url.username !== "" || url.password !== "") return null;
  if (url.protocol === "https:") return url;
  return url.protocol === "http:" && isPrivateHost(url.hostname) ? url : null;
}

/** "https://crm.partner.example …k3Jq": scheme, host and the URL's last four characters (a token may end it). */
export function maskWebhookUrl(value: string): string {
  const url = webhookUrl(value);
  if (!url) return "…";
  const rest = `${url.pathname}${url.search}`.replace(/^\/$/, "");
  const tail = rest.length > 8 ? rest.slice(-4) : "";
  return `${url.protocol}//${url.host}${rest ? ` …${tail}` : ""}`;
}
