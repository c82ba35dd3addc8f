import { getMessages } from "@/lib/i18n/server";
import styles from "./import.module.css";

/** What an admin wants to know before uploading: formats, columns, the preview, undo. */
export async function ImportHelp() {
  const text = (await getMessages()).leadImport.page.help;
  return (
    <details className={`panel ${styles.help}`} open>
      <summary>{text.title}</summary>
      <ul>
        <li>{text.formats}</li>
        <li>{text.columns}</li>
        <li>{text.preview}</li>
        <li>{text.undo}</li>
      </ul>
    </details>
  );
}
