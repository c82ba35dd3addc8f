import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HeldData } from "@/components/inquiry/status/held-data";
import { PrivacyRights } from "@/components/inquiry/status/privacy-rights";
import { StatusSteps } from "@/components/inquiry/status/status-steps";
import styles from "@/components/inquiry/status/status.module.css";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { needWords } from "@/lib/inquiries/need-words";
import { inquiryStatus } from "@/lib/inquiries/status/queries";
import { PRIVACY_REQUEST_KINDS, type PrivacyRequestKind } from "@/lib/inquiries/status/schema";
import { privacyOperator } from "@/lib/privacy/notice";

// The key in the address is the investor's access: never indexed, cached or sent on as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  return {
    title: (await getMessages()).inquiryStatus.page.title,
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const kindOf = (value: string | undefined): PrivacyRequestKind | null =>
  PRIVACY_REQUEST_KINDS.find((kind) => kind === value) ?? null;
const ERRORS = ["invalid", "notFound", "erased", "rateLimited", "unavailable"] as const;

export default async function InquiryStatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ key }, search, db, locale, messages, t] = await Promise.all([
    params,
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations("inquiryStatus"),
  ]);
  const status = await inquiryStatus(db, key);
  if (!status) notFound();
  if (status.erased)
    return (
      <div className="panel" style={{ maxWidth: 640, margin: "0 auto" }} data-testid="inquiry-erased">
        <h1>{t("erased.title")}</h1>
        <p>{t("erased.body")}</p>
      </div>
    );

  const requested = kindOf(one(search.requested));
  const error = ERRORS.find((reason) => reason === one(search.error));
  const { inquiry } = status;
  return (
    <div className="panel" style={{ maxWidth: 760, margin: "0 auto" }} data-testid="inquiry-status">
      <h1>{t("page.title")}</h1>
      <p className="meta">{t("page.lead")}</p>
      <div aria-live="polite">
        {requested && <p className="notice">{t(`rights.requested.${requested}`)}</p>}
        {error && (
          <p className="field-error" role="alert">
            {t(`rights.errors.${error}`, { phone: privacyOperator().phone })}
          </p>
        )}
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t("page.reference")}</dt>
          <dd data-testid="inquiry-reference">{inquiry.reference}</dd>
        </div>
        <div>
          <dt>{t("page.sentAt")}</dt>
          <dd>{formatDateTime(inquiry.createdAt, locale)}</dd>
        </div>
        <div>
          <dt>{t("page.asked")}</dt>
          <dd>{needWords(inquiry, locale, messages)}</dd>
        </div>
        <div>
          <dt>{t("page.use")}</dt>
          <dd>{inquiry.use}</dd>
        </div>
      </dl>
      <StatusSteps steps={status.steps} now={new Date()} />
      <HeldData held={status.held} />
      <PrivacyRights statusKey={key} status={status} confirming={kindOf(one(search.confirm))} />
    </div>
  );
}
