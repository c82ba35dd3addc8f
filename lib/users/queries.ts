import "server-only";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";

export async function listUsers(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["ADMIN"], "list users");
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { role: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      workPhone: true,
      role: true,
      active: true,
      away: true,
      lastLoginAt: true,
      createdAt: true,
    },
  });
}
