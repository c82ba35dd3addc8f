import Link from "next/link";
import { LocaleSwitch } from "./locale-switch";
import { getMessages } from "@/lib/i18n/server";
import styles from "./site-header.module.css";

export async function SiteHeader() {
  const { site, publicSite } = await getMessages();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {site.skipToContent}
      </a>
      <div className={`container ${styles.row}`}>
        <Link href="/" className={`brand ${styles.brand}`}>
          {site.name}
          <small>{site.tagline}</small>
        </Link>
        <nav className={`site-nav ${styles.nav}`} aria-label={site.name}>
          <Link href="/listings">{site.nav.listings}</Link>
          {/* Only the label shown is read out: the other is display: none. */}
          <Link href="/inquire" className="cta">
            <span className={styles.long}>{site.nav.inquire}</span>
            <span className={styles.short}>{publicSite.header.inquireShort}</span>
          </Link>
        </nav>
        <LocaleSwitch />
      </div>
    </header>
  );
}
