import "server-only";
import type { Viewer } from "../auth/session";
import type { Database } from "../db/client";
import { DEMO_SEEDED_KEY } from "./seed";

/**
 * Whether the workspace still holds the seeded demo, for its banner: read from the seed's marker by
 * its key, not by counting leads, so a page of a million-lead workspace pays one primary-key read.
 */
export async function demoWorkspaceShown(db: Database, viewer: Viewer | null): Promise<boolean> {
  if (!viewer) return false;
  const marker = await db.setting.findUnique({ where: { key: DEMO_SEEDED_KEY }, select: { value: true } });
  const value = marker?.value as { removedAt?: string } | null | undefined;
  return Boolean(value && !value.removedAt);
}
