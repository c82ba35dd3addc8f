import "server-only";
import { SealBroken, unseal } from "../auth/seal";
import type { Prisma } from "../db/generated/client";

/*
 * Where a subscription's deliveries go, unsealed for the worker's sender (lib/notify/channels/webhook.ts).
 */

export interface SubscriptionTarget {
  id: string;
  url: string;
  secret: string;
  /** why the subscription cannot be posted to as stored (sealed under another server secret): every send is dead */
  problem?: string;
}

export const SUBSCRIPTION_SEAL_BROKEN =
  "the subscription's URL or secret was sealed under another server secret (NEXTAUTH_SECRET changed?): " +
  "enter the URL again and roll the secret";

type SubscriptionReader = Pick<Prisma.TransactionClient, "webhookSubscription">;

/** The active subscriptions among `ids`: one deactivated after its delivery was planned gets nothing more. */
export async function subscriptionTargets(
  db: SubscriptionReader,
  ids: string[],
): Promise<Map<string, SubscriptionTarget>> {
  if (ids.length === 0) return new Map();
  const rows = await db.webhookSubscription.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, urlSealed: true, secretSealed: true },
  });
  return new Map(
    rows.map((row) => {
      try {
        return [row.id, { id: row.id, url: unseal(row.urlSealed), secret: unseal(row.secretSealed) }];
      } catch (error) {
        if (!(error instanceof SealBroken)) throw error;
        return [row.id, { id: row.id, url: "", secret: "", problem: SUBSCRIPTION_SEAL_BROKEN }];
      }
    }),
  );
}
