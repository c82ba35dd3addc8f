import Link from "next/link";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import styles from "./projects.module.css";

/** Previous and next pages of the list, by address, so the filters stay as they are. */
export async function ProjectPager({
  page,
  previous,
  next,
}: {
  page: number;
  previous: string | null;
  next: string | null;
}) {
  const [messages, t] = await Promise.all([getMessages(), getTranslations("projects.list")]);
  const text = messages.projects.list;
  return (
    <nav aria-label={text.pages} className={styles.pager}>
      {previous && <Link href={previous}>{text.previous}</Link>}
      <span>{t("page", { page })}</span>
      {next && <Link href={next}>{text.nextPage}</Link>}
    </nav>
  );
}
