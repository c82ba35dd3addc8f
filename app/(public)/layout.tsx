import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { privacyOperator } from "@/lib/privacy/notice";
import styles from "./public-layout.module.css";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className={`container ${styles.main}`}>
        {children}
      </main>
      <SiteFooter operator={privacyOperator()} />
    </>
  );
}
