import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "../db/client";

/**
 * The key that signs session cookies: NEXTAUTH_SECRET when set, else one generated on first use and
 * kept in the database, so every instance behind a load balancer signs and reads the same cookies.
 */
export async function sessionSecret(db: Database): Promise<string> {
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  const generated = randomBytes(32).toString("base64url");
  await db.setting.createMany({ data: [{ key: "auth.secret", value: generated }], skipDuplicates: true });
  const stored = await db.setting.findUniqueOrThrow({ where: { key: "auth.secret" } });
  return String(stored.value);
}
