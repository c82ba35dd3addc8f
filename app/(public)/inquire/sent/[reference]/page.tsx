import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { inquiryConfirmation } from "@/lib/inquiries/queries";
import { privacyOperator } from "@/lib/privacy/notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).confirmation.title, robots: { index: false } };
}

export default async function InquirySentPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const [db, locale, messages, t] = await Promise.all([getDb(), getLocale(), getMessages(), getTranslations()]);
  const confirmation = await inquiryConfirmation(db, reference);
  if (!confirmation) notFound();
  return (
    <div className="panel" style={{ maxWidth: 640, margin: "0 auto", textAlign: "center" }}>
      <h1>{messages.confirmation.title}</h1>
      <p>{messages.confirmation.lead}</p>
      <p className="meta">{messages.confirmation.reference}</p>
      <p className="reference" data-testid="inquiry-reference">
        {confirmation.reference}
      </p>
      <p>{messages.confirmation.quote}</p>
      {confirmation.listing && (
        <p className="meta">
          {t("inquiry.listingContext", {
            title: localized(locale, confirmation.listing.title, confirmation.listing.titleEn),
          })}
        </p>
      )}
      <p>{t("confirmation.call", { phone: privacyOperator().phone })}</p>
      <div className="actions" style={{ justifyContent: "center" }}>
        <Link href="/listings" className="button">
          {messages.confirmation.more}
        </Link>
      </div>
    </div>
  );
}
