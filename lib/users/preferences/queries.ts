import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";

/** The signed-in user's own settings; nobody reads another user's here. */
export async function ownPreferences(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["STAFF", "MANAGER", "ADMIN"], "read their own settings");
  return db.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { name: true, email: true, role: true, workPhone: true, emailMuted: true },
  });
}
