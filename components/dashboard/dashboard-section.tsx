import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "@/lib/i18n/server";

/** A dashboard block: heading, its list (or what to say when empty) and a link to all of it in the inbox. */
export async function DashboardSection({
  id,
  title,
  count,
  href,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  href?: string;
  empty: string;
  children: ReactNode;
}) {
  const t = await getTranslations("rules.dashboard");
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
