"use client";
import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { useLocale, useTranslations } from "use-intl";
import { formatArea, formatWan } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import type { BoardCard } from "@/lib/pipeline/queries";
import styles from "./board.module.css";

export interface StageOption {
  key: string;
  name: string;
  nameEn: string;
}

/** What the card says about the lead; shared by the card in its column and the picture being dragged. */
export function LeadCardBody({ card }: { card: BoardCard }) {
  const t = useTranslations("pipeline.card");
  const locale = useLocale() as Locale;
  const [dealOptions, kindName, units] = [
    useTranslations("inquiry.dealOptions"),
    useTranslations("kind"),
    useTranslations("units"),
  ];
  const need = [
    card.needDeal && dealOptions(card.needDeal === "BUY" ? "buy" : "rent"),
    card.needKind && kindName(card.needKind),
    card.needArea &&
      card.needAreaUnit &&
      formatArea(card.needArea, card.needAreaUnit, locale, { units: { mu: units("mu"), sqm: units("sqm") } }),
  ].filter(Boolean);
  return (
    <>
      <p className={styles.meta}>
        {card.contactName}
        {need.length > 0 && ` · ${need.join(" · ")}`}
      </p>
      <p className={styles.meta}>
        {card.expectedAnnualTax !== null && `${t("tax", { amount: formatWan(card.expectedAnnualTax, locale) })} · `}
        {card.score !== null ? t("score", { score: card.score }) : t("noScore")}
      </p>
      <p className={styles.meta}>
        {card.owner?.name ?? t("unassigned")} · {t("age", { days: card.ageDays })}
      </p>
      {(card.overdue || card.late) && (
        <p className={styles.flags}>
          {card.overdue && <span className={styles.flag}>{t("overdue")}</span>}
          {card.late && <span className={styles.flag}>{t("late")}</span>}
        </p>
      )}
    </>
  );
}

/**
 * A lead on the board. The handle drags it with a mouse, a finger or the keyboard; the "move to…"
 * menu does the same without dragging at all.
 */
export function LeadCard({
  card,
  stages,
  pending,
  onMove,
}: {
  card: BoardCard;
  stages: StageOption[];
  pending: boolean;
  onMove: (card: BoardCard, toStageKey: string) => void;
}) {
  const t = useTranslations("pipeline");
  const locale = useLocale() as Locale;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { stageKey: card.stageKey, company: card.company },
    disabled: pending,
    attributes: { roleDescription: t("dnd.roleDescription") },
  });
  const menuId = `move-${card.id}`;
  return (
    <article
      ref={setNodeRef}
      className={`${styles.card} ${isDragging ? styles.dragging : ""}`}
      data-lead-id={card.id}
      aria-busy={pending || undefined}
    >
      <div className={styles.cardHead}>
        <button
          type="button"
          ref={setActivatorNodeRef}
          className={styles.handle}
          aria-label={t("card.drag", { company: card.company })}
          data-drag-handle={card.id}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <h3 className={styles.company}>
          <Link href={`/crm/leads/${card.id}`}>{card.company}</Link>
        </h3>
      </div>
      <LeadCardBody card={card} />
      <label className="visually-hidden" htmlFor={menuId}>
        {t("card.moveToLabel", { company: card.company })}
      </label>
      <select
        id={menuId}
        className={styles.moveTo}
        value=""
        disabled={pending}
        onChange={(event) => event.target.value && onMove(card, event.target.value)}
      >
        <option value="">{t("card.moveTo")}</option>
        {stages
          .filter((stage) => stage.key !== card.stageKey)
          .map((stage) => (
            <option key={stage.key} value={stage.key}>
              {localized(locale, stage.name, stage.nameEn)}
            </option>
          ))}
      </select>
    </article>
  );
}
