import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type Database } from "../db/client";
import { authOptions } from "./options";
import type { Role } from "./schema";

export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface SessionClaims {
  userId?: string;
  sessionVersion?: number;
}

/**
 * The user a session cookie stands for, read from the database on every request: a cookie of a
 * user who has since been deactivated, reset or changed role (sessionVersion raised) no longer counts.
 */
export async function viewerForSession(db: Database, session: SessionClaims | null): Promise<Viewer | null> {
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in user of this request, or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await getServerSession(await authOptions())) as SessionClaims | null;
  return viewerForSession(await getDb(), session);
});

/** For pages: the viewer, or a redirect to sign in. */
export async function requireUser(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** For pages: the viewer if their role is one of `roles`; anyone else sees "not found". */
export async function requireRole(...roles: Role[]): Promise<Viewer> {
  const viewer = await requireUser();
  if (!roles.includes(viewer.role)) notFound();
  return viewer;
}
