import "server-only";
import type { Database } from "../db/client";
import { REFERENCE_PATTERN } from "./reference";

/**
 * What the confirmation page may show to whoever holds the reference: the reference and the
 * listing asked about, never the person's details.
 */
export async function inquiryConfirmation(db: Database, reference: string) {
  if (!REFERENCE_PATTERN.test(reference)) return null;
  return db.inquiry.findUnique({
    where: { reference },
    select: { reference: true, createdAt: true, listing: { select: { id: true, title: true, titleEn: true } } },
  });
}
