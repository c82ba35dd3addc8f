import styles from "@/components/leads/import/import.module.css";
import { getMessages } from "@/lib/i18n/server";

/** What a manager wants to know before uploading a 租控表: formats, columns, statuses, the preview, undo. */
export async function UnitImportHelp() {
  const text = (await getMessages()).unitImport.help;
  return (
    <details className={`panel ${styles.help}`} open>
      <summary>{text.title}</summary>
      <ul>
        <li>{text.formats}</li>
        <li>{text.columns}</li>
        <li>{text.status}</li>
        <li>{text.preview}</li>
        <li>{text.undo}</li>
      </ul>
    </details>
  );
}
