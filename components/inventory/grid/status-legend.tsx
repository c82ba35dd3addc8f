import { getMessages } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import { UNIT_STATUSES } from "@/lib/inventory/types";
import styles from "./inventory.module.css";

/** What each cell's colour and pattern mean; every cell also says its status in words. */
export async function StatusLegend() {
  const messages = await getMessages();
  return (
    <ul className={styles.legend} aria-label={messages.inventory.grid.legend}>
      {UNIT_STATUSES.map((status) => (
        <li key={status}>
          <span aria-hidden="true" className={`${styles.swatch} ${styles[status]}`} />
          {term(messages.vocabulary, "unitStatus", status)}
        </li>
      ))}
    </ul>
  );
}
