import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import styles from "./settings.module.css";

const PAGES = [
  { key: "users", href: "/crm/settings" },
  { key: "rules", href: "/crm/settings/rules" },
  { key: "pipeline", href: "/crm/settings/pipeline" },
  { key: "notifications", href: "/crm/settings/notifications" },
  { key: "apiKeys", href: "/crm/settings/api-keys" },
  { key: "webhooks", href: "/crm/settings/webhooks" },
] as const;

/** The tabs between the admin settings pages; `current` is the page it sits on. */
export async function SettingsNav({ current }: { current: (typeof PAGES)[number]["key"] }) {
  const { rules } = await getMessages();
  return (
    <nav aria-label={rules.nav.label}>
      <ul className={styles.nav}>
        {PAGES.map((page) => (
          <li key={page.key}>
            <Link href={page.href} aria-current={page.key === current ? "page" : undefined}>
              {rules.nav[page.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
