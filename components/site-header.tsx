import Link from "next/link";
import { LocaleSwitch } from "./locale-switch";
import type { Locale, Messages } from "@/lib/i18n/messages";

export function SiteHeader({ locale, messages }: { locale: Locale; messages: Messages }) {
  const { site } = messages;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {site.skipToContent}
      </a>
      <div className="container">
        <Link href="/" className="brand">
          {site.name}
          <small>{site.tagline}</small>
        </Link>
        <nav className="site-nav" aria-label={site.name}>
          <Link href="/listings">{site.nav.listings}</Link>
          <Link href="/inquire" className="cta">
            {site.nav.inquire}
          </Link>
        </nav>
        <LocaleSwitch locale={locale} label={site.switchTo} title={site.language} />
      </div>
    </header>
  );
}
