import "server-only";
import type { Database } from "../db/client";
import { generatePassword, hashPassword } from "../auth/password";
import { logEvent } from "../log";

export const DEMO_ADMIN_EMAIL = "admin@parklead.local";

/**
 * The first admin of an empty workspace: ADMIN_EMAIL/ADMIN_PASSWORD when set; on the embedded demo
 * database, a generated password printed once. Concurrent instances race harmlessly on the email.
 */
export async function ensureFirstAdmin(
  db: Database,
  options: { email?: string; password?: string; generate: boolean },
): Promise<void> {
  if ((await db.user.count()) > 0) return;
  if (!options.email || !options.password) {
    if (!options.generate) {
      logEvent("auth.no_admin", { hint: "set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first admin" });
      return;
    }
  }
  const email = (options.email ?? DEMO_ADMIN_EMAIL).trim().toLowerCase();
  const password = options.password ?? generatePassword();
  const created = await db.user.createMany({
    data: [{ email, name: "管理员", role: "ADMIN", passwordHash: await hashPassword(password) }],
    skipDuplicates: true,
  });
  if (created.count === 0) return;
  logEvent("auth.first_admin", { email });
  if (!options.password) {
    // Shown once, to whoever started the server; it is not stored anywhere in clear.
    console.log(`\n  Parklead admin: ${email}\n  password:       ${password}\n  (shown once — sign in at /login)\n`);
  }
}
