import type { Database } from "../../lib/db/client";
import { newApiKey } from "../../lib/api/keys/authenticate";
import type { ApiScope } from "../../lib/api/keys/scopes";
import { API_SCOPES } from "../../lib/api/keys/scopes";
import { unique } from "./door-fixtures";

export interface TestKey {
  id: string;
  key: string;
}

/** A key as an admin's form makes it; `createdById` is the admin who made it. */
export async function makeApiKey(
  db: Database,
  createdById: string,
  fields: {
    scopes?: readonly ApiScope[];
    parkId?: string | null;
    expiresAt?: Date | null;
    revokedAt?: Date | null;
    rateLimit?: number;
  } = {},
): Promise<TestKey> {
  const { key, prefix, hash } = newApiKey();
  const row = await db.apiKey.create({
    data: {
      name: unique("测试密钥"),
      prefix,
      hash,
      scopes: [...(fields.scopes ?? API_SCOPES)],
      parkId: fields.parkId ?? null,
      expiresAt: fields.expiresAt ?? null,
      revokedAt: fields.revokedAt ?? null,
      revokedById: fields.revokedAt ? createdById : null,
      rateLimit: fields.rateLimit ?? 120,
      createdById,
    },
  });
  return { id: row.id, key };
}

/** A request to an /api/v1 path with the key as a bearer token (or none). */
export function apiRequest(
  path: string,
  key: string | null,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Request {
  return new Request(`http://parklead.test${path}`, {
    ...init,
    headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...init.headers },
  });
}
