import { z } from "zod";

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
      .optional(),
    PARKLEAD_DATA_DIR: z.string().min(1).default("./data"),
    /** Uploaded listing photos on local disk; default `${PARKLEAD_DATA_DIR}/uploads`. */
    STORAGE_DIR: z.string().min(1).optional(),
    /** Connections each app instance keeps to PostgreSQL. */
    PARKLEAD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** Reverse proxies in front of the app that append to X-Forwarded-For (0: the socket's address alone). */
    PARKLEAD_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
    /** Minimum time between showing the inquiry form and accepting it, against scripted posts. */
    PARKLEAD_FORM_MIN_FILL_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /** Seed demo parks and listings into an empty PostgreSQL database too (always done on PGlite). */
    PARKLEAD_SEED_DEMO: z.enum(["0", "1"]).optional(),
    /** The first admin of an empty workspace (both or neither). */
    ADMIN_EMAIL: z.string().trim().email("ADMIN_EMAIL must be an email address").optional(),
    ADMIN_PASSWORD: z.string().min(10, "ADMIN_PASSWORD must have at least 10 characters").optional(),
    /** The server secret (lib/auth/secret.ts): required with DATABASE_URL; else generated into the data folder. */
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must have at least 32 characters").optional(),
    /** "off": no notification is written or sent (the outbox stays empty, the worker does not run). */
    PARKLEAD_NOTIFY: z.enum(["on", "off"], { error: "PARKLEAD_NOTIFY must be on or off" }).default("on"),
    /** The operator's default group channel: a 企业微信/钉钉/飞书 robot URL (kind from the host) or any webhook URL. */
    PARKLEAD_NOTIFY_URL: z
      .url({ protocol: /^https?$/, error: "PARKLEAD_NOTIFY_URL must be an http(s):// URL" })
      .optional(),
    /** The signing secret of that channel (钉钉 加签, 飞书 签名校验, the generic webhook's HMAC key). */
    PARKLEAD_NOTIFY_SECRET: z.string().min(1).optional(),
    /** The mail server for notifications and receipts: smtp://user:pass@host:587 or smtps://…:465. */
    PARKLEAD_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "PARKLEAD_SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    /** The sender of those mails: "园区招商 <zhaoshang@park.example>" or a bare address. */
    PARKLEAD_MAIL_FROM: z.string().min(3).optional(),
    /** How often each instance's worker looks for due notifications when nothing woke it. */
    PARKLEAD_NOTIFY_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  })
  .refine((value) => Boolean(value.ADMIN_EMAIL) === Boolean(value.ADMIN_PASSWORD), {
    message: "set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither",
    path: ["ADMIN_EMAIL"],
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Raised when a variable is set to something the app cannot use: the start stops with this one line. */
export class InvalidEnvironment extends Error {
  override name = "InvalidEnvironment";
}

/** The validated environment; throws one readable line listing every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(withoutEmptyValues(process.env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidEnvironment(`invalid environment: ${problems.join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

/**
 * Operators' env files and compose files write `NAME=` to mean "not set": an empty (or blank)
 * value counts as unset, for every variable, so `DATABASE_URL=` means the embedded database rather
 * than an invalid URL, and `PARKLEAD_DB_POOL_SIZE=` its default rather than 0.
 */
function withoutEmptyValues(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => (entry[1] ?? "").trim() !== ""),
  );
}

/**
 * The same rule for code that reads process.env itself (next-auth's NEXTAUTH_URL, the operator's
 * name on the privacy notice): run once at server start, before anything reads them.
 */
export function unsetEmptyVariables(source: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(source))
    if (value !== undefined && value.trim() === "") delete source[name];
}
