import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPPool from "nodemailer/lib/smtp-pool";
import type { Prisma } from "../../db/generated/client";
import { SealBroken, unseal } from "../../auth/seal";
import { env, type Env } from "../../env";
import { logEvent } from "../../log";
import type { EmailMessage, Outcome } from "../message";
import { storedMailServer } from "../admin/mail-server";
import { MAIL_SERVER_KEY } from "../settings";
import { trimmed } from "./http";

/*
 * Email over SMTP with nodemailer: the admin's mail server (Setting MAIL_SERVER_KEY, its URL sealed
 * because it carries the password), else PARKLEAD_SMTP_URL and PARKLEAD_MAIL_FROM.
 */

export interface MailServer {
  url: string;
  from: string;
}

type SettingReader = Pick<Prisma.TransactionClient, "setting">;
type MailEnv = Pick<Env, "PARKLEAD_SMTP_URL" | "PARKLEAD_MAIL_FROM">;
type Lookup = { server: MailServer } | { server: null; problem?: string };

export const MAIL_NOT_CONFIGURED = "mail server not configured";
const MAIL_SEAL_BROKEN =
  "the mail server's settings were sealed under another server secret (NEXTAUTH_SECRET changed?): enter them again";

async function lookUp(db: SettingReader, config: MailEnv): Promise<Lookup> {
  const row = await db.setting.findUnique({ where: { key: MAIL_SERVER_KEY }, select: { value: true } });
  const stored = row && storedMailServer(row.value);
  if (stored) {
    try {
      return { server: { url: unseal(stored.urlSealed), from: stored.from } };
    } catch (error) {
      if (!(error instanceof SealBroken)) throw error;
      logEvent("notify.mail_server_unreadable", { key: MAIL_SERVER_KEY });
      return { server: null, problem: MAIL_SEAL_BROKEN };
    }
  }
  if (row) logEvent("settings.invalid", { key: MAIL_SERVER_KEY });
  if (config.PARKLEAD_SMTP_URL && config.PARKLEAD_MAIL_FROM) {
    return { server: { url: config.PARKLEAD_SMTP_URL, from: config.PARKLEAD_MAIL_FROM } };
  }
  return { server: null };
}

/** The mail server in use: the admin's setting, else the environment's, else null (email not configured). */
export async function mailServer(db: SettingReader, config: MailEnv = env()): Promise<MailServer | null> {
  return (await lookUp(db, config)).server;
}

// Pooled transports for the process (on globalThis: Next evaluates a module once per route bundle),
// one per timeout in use; those of another server or sender are closed as soon as the setting changes.
const holder = globalThis as typeof globalThis & { parkleadMailTransports?: Map<string, Transporter> };

function transportFor(server: MailServer, timeoutMs: number): Transporter {
  const transports = (holder.parkleadMailTransports ??= new Map());
  const sameServer = JSON.stringify([server.url, server.from]);
  const key = `${sameServer}${timeoutMs}`;
  const pooled = transports.get(key);
  if (pooled) return pooled;
  for (const [other, transport] of transports) {
    if (other.startsWith(sameServer)) continue;
    transport.close();
    transports.delete(other);
  }
  const pool = new SMTPPool({
    pool: true,
    url: server.url,
    maxConnections: 2,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  const transport = nodemailer.createTransport(pool, { from: server.from });
  transports.set(key, transport);
  return transport;
}

/** Closes the pooled connections (at shutdown, and between tests). */
export function closeMailTransport(): void {
  for (const transport of holder.parkleadMailTransports?.values() ?? []) transport.close();
  holder.parkleadMailTransports?.clear();
}

export type MailSend = (message: EmailMessage, options: { timeoutMs: number }) => Promise<Outcome>;

/**
 * A sender for a batch of mails: the mail server is looked up at the first mail and used for the
 * rest (the worker sends a batch with one; the setting is read once, not once per mail).
 */
export function mailSender(db: SettingReader, config: MailEnv = env()): MailSend {
  let found: Promise<Lookup> | undefined;
  return async (message, options) => send(await (found ??= lookUp(db, config)), message, options.timeoutMs);
}

/** One mail, the mail server looked up for it. */
export function sendMail(
  db: SettingReader,
  message: EmailMessage,
  options: { timeoutMs: number; config?: MailEnv },
): Promise<Outcome> {
  return mailSender(db, options.config)(message, options);
}

async function send(found: Lookup, message: EmailMessage, timeoutMs: number): Promise<Outcome> {
  if (!found.server) return { status: "dead", answer: found.problem ?? MAIL_NOT_CONFIGURED };
  try {
    const info = (await transportFor(found.server, timeoutMs).sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
    })) as { response?: string };
    return { status: "sent", answer: trimmed(info.response ?? "accepted") };
  } catch (error) {
    return mailFailure(error);
  }
}

/** Failures with no SMTP reply that another try may cure: the server was unreachable, slow or cut off. */
const TRANSIENT = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNRESET", "ECONNREFUSED"]);

/** SMTP 4xx is "try later", 5xx is "never" (a bad mailbox, a refused login); no reply at all, later. */
export function mailFailure(error: unknown): Outcome {
  const failure = error as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  const code = typeof failure.code === "string" ? failure.code : undefined;
  const answer = trimmed(
    typeof failure.response === "string" ? failure.response : `${code ?? "error"}: ${String(failure.message)}`,
  );
  if (typeof failure.responseCode === "number") {
    if (failure.responseCode >= 400 && failure.responseCode < 500) return { status: "retry", answer };
    if (failure.responseCode >= 500) return { status: "dead", answer };
  }
  if (code && TRANSIENT.has(code)) return { status: "retry", answer };
  return { status: "dead", answer };
}
