import type { Metadata } from "next";
import { PrivacyNotice } from "@/components/privacy/privacy-notice";
import { formatDate } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { PRIVACY_NOTICE_EFFECTIVE, PRIVACY_NOTICE_VERSION, privacyOperator } from "@/lib/privacy/notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).privacy.title };
}

export default async function PrivacyPage() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <article className="panel prose">
      <h1>{t("privacy.title")}</h1>
      <p className="meta" data-testid="privacy-version">
        {t("privacy.version", { version: PRIVACY_NOTICE_VERSION, date: formatDate(PRIVACY_NOTICE_EFFECTIVE, locale) })}
      </p>
      <PrivacyNotice operator={privacyOperator()} english={locale === "en"} />
    </article>
  );
}
