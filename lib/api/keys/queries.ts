import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { requestLogCursorSchema } from "./schema";
import { isApiScope } from "./scopes";

export const REQUEST_LOG_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

const person = { select: { name: true } } as const;
const keySelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  parkId: true,
  park: { select: { name: true, nameEn: true } },
  expiresAt: true,
  rateLimit: true,
  lastUsedAt: true,
  revokedAt: true,
  revokedBy: person,
  createdAt: true,
  createdBy: person,
} as const;

/** Every key, working ones first, newest first; never its hash. Admins only. */
export async function listApiKeys(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["ADMIN"], "read the API keys");
  const keys = await db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: keySelect,
  });
  return keys.map((key) => ({ ...key, scopes: key.scopes.filter(isApiScope) }));
}

export type ListedApiKey = Awaited<ReturnType<typeof listApiKeys>>[number];

/**
 * One key with a page of its request log, newest first, keyset-paged by the log's id (`before`, as
 * the page's address carries it; a malformed one reads as the first page), and its answers of the
 * last 24 hours counted by status. Null when there is no such key.
 */
export async function apiKeyRequests(
  db: Database,
  viewer: Viewer | null,
  keyId: string,
  before: string | undefined,
  now = new Date(),
) {
  assertRole(viewer, ["ADMIN"], "read an API key's request log");
  const key = await db.apiKey.findUnique({ where: { id: keyId }, select: keySelect });
  if (!key) return null;
  const cursor = requestLogCursorSchema.safeParse(before);
  const [requests, counts] = await Promise.all([
    db.apiRequestLog.findMany({
      where: { keyId, ...(cursor.success ? { id: { lt: BigInt(cursor.data) } } : {}) },
      orderBy: { id: "desc" },
      take: REQUEST_LOG_PAGE_SIZE + 1,
      select: { id: true, method: true, path: true, status: true, durationMs: true, createdAt: true },
    }),
    db.apiRequestLog.groupBy({
      by: ["status"],
      where: { keyId, createdAt: { gte: new Date(now.getTime() - DAY_MS) } },
      _count: { _all: true },
      orderBy: { status: "asc" },
    }),
  ]);
  const page = requests.slice(0, REQUEST_LOG_PAGE_SIZE);
  return {
    key: { ...key, scopes: key.scopes.filter(isApiScope) },
    requests: page.map((row) => ({ ...row, id: row.id.toString() })),
    older: requests.length > REQUEST_LOG_PAGE_SIZE ? page.at(-1)!.id.toString() : null,
    paged: cursor.success,
    lastDay: counts.map((row) => ({ status: row.status, count: row._count._all })),
  };
}
