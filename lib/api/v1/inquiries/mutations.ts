import "server-only";
import type { Database } from "../../../db/client";
import type { Locale } from "../../../i18n/messages";
import { submitInquiry, type SubmitResult } from "../../../inquiries/mutations";
import { inquirySchema } from "../../../inquiries/schema";
import type { InquirySource } from "../../../inquiries/source";
import type { ApiCaller } from "../../keys/scopes";

export type ApiSubmitResult =
  SubmitResult | { ok: false; reason: "listingRequired" } | { ok: false; reason: "listingElsewhere" };

/**
 * An inquiry from a partner system: the public intake's one path (rate limits, idempotency, the lead
 * of the same phone), channel API. A key restricted to a park may only send inquiries about that
 * park's published listings, so it names one; a listing elsewhere reads as not found.
 */
export async function submitApiInquiry(
  db: Database,
  caller: ApiCaller,
  body: unknown,
  context: { locale: Locale; idempotencyKey?: string; clientIp?: string; source: InquirySource },
): Promise<ApiSubmitResult> {
  // An invalid body goes on as it is: the intake names every field's problem at once.
  const parsed = caller.parkId === null ? null : inquirySchema.safeParse(body);
  if (parsed?.success) {
    const { listingId } = parsed.data;
    if (!listingId) return { ok: false, reason: "listingRequired" };
    const listing = await db.listing.findFirst({
      where: { id: listingId, published: true, parkId: caller.parkId ?? undefined },
      select: { id: true },
    });
    if (!listing) return { ok: false, reason: "listingElsewhere" };
  }
  return submitInquiry(db, body, { channel: "API", ...context });
}
