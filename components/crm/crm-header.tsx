import Link from "next/link";
import type { Viewer } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";
import { LocaleSwitch } from "../locale-switch";
import { SignOutButton } from "./sign-out-button";

/** The workspace's header; admin links are shown to admins only, and their pages check again. */
export async function CrmHeader({ viewer }: { viewer: Viewer }) {
  const { crm, auth } = await getMessages();
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/crm" className="brand">
          {crm.name}
        </Link>
        <nav className="site-nav" aria-label={crm.name}>
          <Link href="/crm">{crm.nav.dashboard}</Link>
          <Link href="/crm/leads">{crm.nav.leads}</Link>
          <Link href="/crm/pipeline">{crm.nav.pipeline}</Link>
          <Link href="/crm/listings">{crm.nav.listings}</Link>
          <Link href="/crm/reports">{crm.nav.reports}</Link>
          {viewer.role === "ADMIN" && <Link href="/crm/settings">{crm.nav.settings}</Link>}
          {viewer.role === "ADMIN" && <Link href="/crm/privacy">{crm.nav.privacy}</Link>}
          {viewer.role === "ADMIN" && <Link href="/crm/audit">{crm.nav.audit}</Link>}
        </nav>
        <div className="crm-user">
          <Link href="/crm/account">
            {viewer.name} · {crm.roles[viewer.role]}
          </Link>
          <SignOutButton label={auth.signOut} />
          <LocaleSwitch />
        </div>
      </div>
    </header>
  );
}
