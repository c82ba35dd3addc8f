import type { AuditLogEntry } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import styles from "./audit.module.css";

/** The log as a list of sentences, newest first, each with its before/after lines. */
export function AuditEntries({ entries, locale }: { entries: AuditLogEntry[]; locale: Locale }) {
  return (
    <ol className={styles.entries} data-testid="audit-entries">
      {entries.map((entry) => (
        <li key={entry.id} className={styles.entry} data-testid="audit-entry">
          <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt, locale)}</time>
          <div>
            <p className={styles.sentence}>{entry.sentence}</p>
            {entry.changes.length > 0 && (
              <ul className={styles.changes}>
                {entry.changes.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
