import { env } from "../env";

/** Set by scripts/start.mjs from the TCP socket; any value a client sends is overwritten there. */
export const PEER_HEADER = "x-parklead-peer";

/**
 * The visitor's address for rate limiting. With no proxy in front, it is the socket's peer; behind
 * PARKLEAD_TRUSTED_PROXIES proxies, each of which appends the address it saw to X-Forwarded-For,
 * it is that many entries from the right. Entries further left are client-supplied and ignored.
 */
export function clientIp(headers: Headers, trustedProxies = env().PARKLEAD_TRUSTED_PROXIES): string | undefined {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const peer = headers.get(PEER_HEADER) ?? chain.at(-1);
  if (trustedProxies === 0) return peer;
  return chain[chain.length - trustedProxies] ?? peer;
}
