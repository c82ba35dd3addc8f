import "server-only";

/**
 * The site's address as people outside reach it, for links in mails, group messages and receipts:
 * NEXTAUTH_URL (the public address next-auth also needs behind a proxy), else this server on localhost.
 */
export function publicUrl(path = "/"): string {
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}
