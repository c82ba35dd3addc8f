import "server-only";
import type { Database } from "../db/client";

/**
 * Signing out ends the session on the server, not only the cookie in this browser: a copy of the
 * cookie taken before must stop working. sessionVersion is per user, so this ends every session of
 * the user (all their devices) — the safe choice, as the server keeps no list of sessions. Only a
 * cookie that is still valid may do it, so an old, already-ended cookie cannot sign its owner out
 * again and again.
 */
export async function endSessions(
  db: Database,
  token: { sub?: unknown; sessionVersion?: unknown } | null | undefined,
): Promise<boolean> {
  if (typeof token?.sub !== "string" || typeof token.sessionVersion !== "number") return false;
  const ended = await db.user.updateMany({
    where: { id: token.sub, sessionVersion: token.sessionVersion },
    data: { sessionVersion: { increment: 1 } },
  });
  return ended.count > 0;
}
