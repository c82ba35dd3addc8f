import type { Messages } from "@/lib/i18n/messages";
import styles from "./demo.module.css";

/** The mark on a seeded demo lead (Lead.demo), beside its company in the inbox and on its page. */
export function DemoBadge({ text }: { text: Messages["demo"]["badge"] }) {
  return (
    <span className={styles.badge} title={text.hint} data-testid="demo-badge">
      {text.label}
    </span>
  );
}
