import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env";

/** Raised when the server cannot have a secret: the start-up reports it in one line and exits. */
export class SecretMissing extends Error {
  override name = "SecretMissing";
}

const SECRET_FILE = "secret";
let cached: string | undefined;

/**
 * The server's one secret: it signs session cookies and keys every hash of personal data
 * (rate-limit counters, login throttles). It never lives in the database, so a backup or a read of
 * the database cannot mint a session or brute-force a phone number from a counter key.
 * - NEXTAUTH_SECRET when set (required with PostgreSQL: every instance must share it);
 * - on the embedded database without it, one generated on first start and kept in the data folder,
 *   readable by the owner only.
 */
export function serverSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.NEXTAUTH_SECRET) return (cached = config.NEXTAUTH_SECRET);
  if (config.DATABASE_URL) {
    throw new SecretMissing("NEXTAUTH_SECRET must be set with DATABASE_URL (make one with: openssl rand -base64 32)");
  }
  return (cached = secretInDataDir(path.resolve(config.PARKLEAD_DATA_DIR)));
}

function secretInDataDir(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": of two processes racing on a new folder, exactly one writes the secret.
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A file copied in with looser rights is tightened rather than trusted as it is.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32)
    throw new SecretMissing(`${file} does not hold a secret of at least 32 characters: delete it to make a new one`);
  return secret;
}

/**
 * A keyed digest of a value that must not be stored as it is (a phone, an address): HMAC-SHA256
 * under the server secret, so without the secret it cannot be reversed by trying every phone.
 * `purpose` separates uses, so one value hashes differently per counter kind.
 */
export function keyedDigest(purpose: string, value: string, length = 22): string {
  return createHmac("sha256", serverSecret()).update(`${purpose}\u0000${value}`).digest("base64url").slice(0, length);
}

/** For tests that change the environment between cases. */
export function forgetServerSecret(): void {
  cached = undefined;
}
