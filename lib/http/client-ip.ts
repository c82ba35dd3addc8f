import { env } from "../env";

/** The request header that carries the TCP peer's address, stamped by lib/http/peer-address.ts. */
export const PEER_HEADER = "x-parklead-peer";

// Shared through globalThis: instrumentation (which installs the stamp) and the route bundles
// (which read it) are separate module graphs in one process.
export const PEER_STAMP = Symbol.for("parklead.peer-stamp");
export type Stamped = typeof globalThis & { [PEER_STAMP]?: string };

/** The socket address this process stamped on the request; undefined when it carries no valid stamp. */
export function stampedPeer(headers: Headers): string | undefined {
  const token = (globalThis as Stamped)[PEER_STAMP];
  const value = headers.get(PEER_HEADER);
  if (!token || !value?.startsWith(`${token} `)) return undefined;
  return value.slice(token.length + 1) || undefined;
}

/**
 * The visitor's address for rate limiting. With no proxy trusted, it is the socket's peer and
 * nothing a client wrote (neither X-Forwarded-For, which Next fills only when absent, nor a forged
 * peer header); undefined when the server did not stamp the request. Behind
 * PARKLEAD_TRUSTED_PROXIES proxies, each of which appends the address it saw to X-Forwarded-For,
 * it is that many entries from the right; entries further left are client-supplied and ignored.
 */
export function clientIp(headers: Headers, trustedProxies = env().PARKLEAD_TRUSTED_PROXIES): string | undefined {
  const peer = stampedPeer(headers);
  if (trustedProxies === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[chain.length - trustedProxies] ?? peer;
}
