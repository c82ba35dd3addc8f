import Link from "next/link";
import type { Viewer } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";
import { LocaleSwitch } from "../locale-switch";
import { CrmNav } from "./crm-nav";
import styles from "./crm-header.module.css";
import { SignOutButton } from "./sign-out-button";

/** The workspace's header; admin links are shown to admins only, and their pages check again. */
export async function CrmHeader({ viewer }: { viewer: Viewer }) {
  const { crm, auth, inventory, projects } = await getMessages();
  const admin = viewer.role === "ADMIN";
  const links = [
    { href: "/crm", label: crm.nav.dashboard },
    { href: "/crm/leads", label: crm.nav.leads },
    { href: "/crm/pipeline", label: crm.nav.pipeline },
    { href: "/crm/listings", label: crm.nav.listings },
    { href: "/crm/inventory", label: inventory.title },
    { href: "/crm/projects", label: projects.title },
    { href: "/crm/reports", label: crm.nav.reports },
    ...(admin
      ? [
          { href: "/crm/settings", label: crm.nav.settings },
          { href: "/crm/privacy", label: crm.nav.privacy },
          { href: "/crm/audit", label: crm.nav.audit },
        ]
      : []),
  ];
  return (
    // site-header: the class print layouts hide (components/reports/print-page.module.css).
    <header className="site-header">
      <div className={styles.bar}>
        <Link href="/crm" className={styles.brand}>
          {crm.name}
        </Link>
        <CrmNav links={links} label={crm.name} />
        <div className={styles.user}>
          <Link href="/crm/account" className={styles.account}>
            {viewer.name} · {crm.roles[viewer.role]}
          </Link>
          <SignOutButton label={auth.signOut} />
          <LocaleSwitch />
        </div>
      </div>
    </header>
  );
}
