import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { PhoneLink } from "@/components/ui/phone-link";
import type { PrivacyOperator } from "@/lib/privacy/notice";

export async function SiteFooter({ operator }: { operator: PrivacyOperator }) {
  const [locale, t, reference] = await Promise.all([
    getLocale(),
    getTranslations("site"),
    getTranslations("apiReference"),
  ]);
  const english = locale === "en";
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer")}</p>
        <p>
          {english ? operator.nameEn : operator.name} · <PhoneLink phone={operator.phone} /> ·{" "}
          <Link href="/privacy">{t("nav.privacy")}</Link> ·{" "}
          <Link href="/developers/api">{reference("footerLink")}</Link>
        </p>
      </div>
    </footer>
  );
}
