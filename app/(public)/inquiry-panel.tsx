import { randomUUID } from "node:crypto";
import { connection } from "next/server";
import { InquiryForm } from "@/components/inquiry/inquiry-form";
import { signRenderTime } from "@/lib/inquiries/spam-trap";
import { privacyOperator } from "@/lib/privacy/notice";

/**
 * Renders the inquiry form with what only the server can give it: a fresh submission key (so a
 * double click or a resent form stores one inquiry) and the time it was shown, signed (the time trap).
 */
export async function InquiryPanel({
  listingId,
  sourcePage,
  defaults,
  sectionHeading,
}: {
  listingId?: string;
  sourcePage: string;
  defaults?: Record<string, string>;
  sectionHeading?: "h2" | "h3";
}) {
  await connection();
  return (
    <InquiryForm
      listingId={listingId}
      sourcePage={sourcePage}
      defaults={defaults}
      submissionKey={randomUUID()}
      renderedAt={signRenderTime()}
      operatorPhone={privacyOperator().phone}
      sectionHeading={sectionHeading}
    />
  );
}
