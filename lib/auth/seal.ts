import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { serverSecret } from "./secret";

/*
 * Credentials the workspace must keep but never show again (a robot URL carries its key; an SMTP
 * URL its password) are stored sealed: AES-256-GCM under a key derived from the server secret,
 * which never lives in the database. A backup or a read of the database alone reveals none of them.
 * Format: "v1.<iv>.<tag>.<ciphertext>", base64url parts.
 */

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret(), Buffer.alloc(0), "parklead-seal-v1", 32));
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, body]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** A sealed value not sealed under this server's secret: the secret changed, or the value was altered. */
export class SealBroken extends Error {
  override name = "SealBroken";
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new SealBroken("not a sealed value");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SealBroken("sealed under another secret, or altered");
  }
}
