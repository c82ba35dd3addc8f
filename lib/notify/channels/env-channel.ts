import "server-only";
import type { Prisma } from "../../db/generated/client";
import { SealBroken, seal, unseal } from "../../auth/seal";
import { env, type Env } from "../../env";
import { logEvent } from "../../log";
import { kindFromUrl } from "./kind";

/*
 * The operator's default channel, PARKLEAD_NOTIFY_URL (+ PARKLEAD_NOTIFY_SECRET), kept as one
 * NotifyChannel row written at every start, so deliveries and the log refer to it like any other
 * channel. Unsetting the variable deactivates the row (never deleted: the log names it).
 */

export const ENV_CHANNEL_ID = "env-default";
const ENV_CHANNEL_NAME = "PARKLEAD_NOTIFY_URL";

type ChannelWriter = Pick<Prisma.TransactionClient, "notifyChannel">;
type NotifyEnv = Pick<Env, "PARKLEAD_NOTIFY_URL" | "PARKLEAD_NOTIFY_SECRET">;

export async function syncEnvChannel(db: ChannelWriter, config: NotifyEnv = env()): Promise<void> {
  const url = config.PARKLEAD_NOTIFY_URL;
  const secret = config.PARKLEAD_NOTIFY_SECRET ?? null;
  if (!url) {
    const { count } = await db.notifyChannel.updateMany({
      where: { id: ENV_CHANNEL_ID, active: true },
      data: { active: false },
    });
    if (count > 0) logEvent("notify.env_channel", { active: false });
    return;
  }
  const existing = await db.notifyChannel.findUnique({
    where: { id: ENV_CHANNEL_ID },
    select: { urlSealed: true, secretSealed: true, active: true },
  });
  if (existing?.active && sameAs(existing, url, secret)) return;
  const kind = kindFromUrl(url);
  const fields = {
    kind,
    name: ENV_CHANNEL_NAME,
    urlSealed: seal(url),
    secretSealed: secret ? seal(secret) : null,
    active: true,
    fromEnv: true,
    parkId: null,
  };
  // A new URL or secret deserves a fresh start: the old one's refusal no longer applies.
  await db.notifyChannel.upsert({
    where: { id: ENV_CHANNEL_ID },
    create: { id: ENV_CHANNEL_ID, ...fields },
    update: { ...fields, failure: null, failedAt: null },
  });
  logEvent("notify.env_channel", { active: true, kind });
}

function sameAs(row: { urlSealed: string; secretSealed: string | null }, url: string, secret: string | null): boolean {
  try {
    const storedSecret = row.secretSealed === null ? null : unseal(row.secretSealed);
    return unseal(row.urlSealed) === url && storedSecret === secret;
  } catch (error) {
    if (error instanceof SealBroken) return false;
    throw error;
  }
}
