import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PhoneLink } from "@/components/ui/phone-link";
import { getDb } from "@/lib/db/client";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { localized } from "@/lib/i18n/localized";
import { inquiryConfirmation } from "@/lib/inquiries/queries";
import { statusLinkFor } from "@/lib/inquiries/status/queries";
import { privacyOperator } from "@/lib/privacy/notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).confirmation.title, robots: { index: false }, referrer: "no-referrer" };
}

export default async function InquirySentPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ reference }, search] = await Promise.all([params, searchParams]);
  const [db, locale, messages, t] = await Promise.all([getDb(), getLocale(), getMessages(), getTranslations()]);
  const confirmation = await inquiryConfirmation(db, reference);
  if (!confirmation) notFound();
  const statusLink = await statusLinkFor(db, reference, typeof search.status === "string" ? search.status : undefined);
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
      <p>
        {t.rich("confirmation.call", {
          phone: privacyOperator().phone,
          tel: (number) => <PhoneLink phone={privacyOperator().phone}>{number}</PhoneLink>,
        })}
      </p>
      {statusLink && (
        <p>
          {messages.inquiryStatus.confirmationLink}
          <br />
          <a href={statusLink} data-testid="status-link">
            {statusLink}
          </a>
        </p>
      )}
      <div className="actions" style={{ justifyContent: "center" }}>
        <Link href="/listings" className="button">
          {messages.confirmation.more}
        </Link>
      </div>
    </div>
  );
}
