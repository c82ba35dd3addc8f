import { z } from "zod";

/*
 * The mail server as admins save it (Setting MAIL_SERVER_KEY): the SMTP URL sealed, since it carries
 * the password, and the sender. Without one, PARKLEAD_SMTP_URL and PARKLEAD_MAIL_FROM apply instead
 * (lib/notify/channels/email.ts reads them in that order).
 */
const storedSchema = z.object({ urlSealed: z.string().min(1), from: z.string().min(3) });
export type StoredMailServer = z.infer<typeof storedSchema>;

/** The stored value, or null when none is saved (or it is not one this version reads). */
export function storedMailServer(value: unknown): StoredMailServer | null {
  const parsed = storedSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
