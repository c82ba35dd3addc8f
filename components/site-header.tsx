import Link from "next/link";
import { LocaleSwitch } from "./locale-switch";
import { getMessages } from "@/lib/i18n/server";

export async function SiteHeader() {
  const { site } = await getMessages();
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
        <LocaleSwitch />
      </div>
    </header>
  );
}
