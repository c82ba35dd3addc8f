"use client";
import { useDroppable } from "@dnd-kit/core";
import Link from "next/link";
import { useLocale, useTranslations } from "use-intl";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import type { BoardCard, BoardColumn as Column } from "@/lib/pipeline/queries";
import { LeadCard, type StageOption } from "./lead-card";
import styles from "./board.module.css";

/** One stage: a drop target holding its newest cards, with a link to the rest in the inbox. */
export function BoardColumn({
  column,
  stages,
  inboxQuery,
  pendingIds,
  onMove,
}: {
  column: Column;
  stages: StageOption[];
  /** the board's filter as a query string, so the inbox opens on the same leads */
  inboxQuery: string;
  pendingIds: ReadonlySet<string>;
  onMove: (card: BoardCard, toStageKey: string) => void;
}) {
  const t = useTranslations("pipeline.column");
  const locale = useLocale() as Locale;
  const { setNodeRef, isOver } = useDroppable({
    id: column.key,
    data: { name: localized(locale, column.name, column.nameEn) },
  });
  const name = localized(locale, column.name, column.nameEn);
  const count = column.countCapped ? t("countCapped", { count: column.count }) : t("count", { count: column.count });
  const headingId = `column-${column.key}`;
  const more = column.count > column.cards.length || column.countCapped;
  return (
    <section
      ref={setNodeRef}
      id={`stage-${column.key}`}
      className={`${styles.column} ${styles[`category${column.category}`]} ${isOver ? styles.over : ""}`}
      aria-labelledby={headingId}
      data-stage={column.key}
    >
      <h2 id={headingId} className={styles.columnHead}>
        <span>{name}</span>
        <span className={styles.count}>{count}</span>
      </h2>
      {column.cards.length === 0 ? (
        <p className={styles.empty}>{t("empty")}</p>
      ) : (
        <ol className={styles.cards}>
          {column.cards.map((card) => (
            <li key={card.id}>
              <LeadCard card={card} stages={stages} pending={pendingIds.has(card.id)} onMove={onMove} />
            </li>
          ))}
        </ol>
      )}
      {more && (
        <Link
          className={styles.more}
          href={`/crm/leads?${new URLSearchParams([...new URLSearchParams(inboxQuery), ["stage", column.key]])}`}
        >
          {t("more")}
        </Link>
      )}
    </section>
  );
}
