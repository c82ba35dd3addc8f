import Link from "next/link";
import type { ReactNode } from "react";
import { createTranslator } from "use-intl/core";
import type { Locale, Messages } from "@/lib/i18n/messages";

/** A dashboard block: heading, its list (or what to say when empty) and a link to all of it in the inbox. */
export function DashboardSection({ id, title, count, href, empty, locale, messages, children }: {
  id: string;
  title: string;
  count: number;
  href?: string;
  empty: string;
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const t = createTranslator({ locale, messages, namespace: "rules.dashboard" });
  return (
    <section aria-labelledby={id} data-section={id} data-count={count}>
      <h2 id={id}>
        {title} <span className="tag">{count}</span>
      </h2>
      {count === 0 ? <p className="meta">{empty}</p> : children}
      {href && count > 0 && (
        <p>
          <Link href={href}>{t("seeAll", { count })}</Link>
        </p>
      )}
    </section>
  );
}
