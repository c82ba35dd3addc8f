"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Dialog } from "@/components/ui/dialog";
import styles from "./crm-header.module.css";

export interface CrmNavLink {
  href: string;
  label: string;
}

/**
 * The workspace's navigation: a row of links on a wide screen; on a phone one "menu" button that opens
 * the same links as a sheet at the bottom of the screen, within reach of the thumb. The page being read
 * is marked as current in both.
 */
export function CrmNav({ links, label }: { links: CrmNavLink[]; label: string }) {
  const t = useTranslations("workspace.menu");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const current = (href: string) =>
    (href === "/crm" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`)) ? "page" : undefined;
  const list = (className: string, onNavigate?: () => void) => (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} aria-current={current(link.href)} onClick={onNavigate}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <nav className={styles.wide} aria-label={label}>
        {list(styles.row)}
      </nav>
      <div className={styles.phone}>
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title={t("title")}
          trigger={
            <button type="button" className={styles.menuButton}>
              <span aria-hidden="true" className={styles.menuIcon} />
              {t("open")}
            </button>
          }
        >
          <nav aria-label={label}>{list(styles.sheet, () => setOpen(false))}</nav>
        </Dialog>
      </div>
    </>
  );
}
