import { getTranslations } from "@/lib/i18n/server";
import type { MilestoneView } from "@/lib/projects/milestones/queries";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import styles from "./milestones.module.css";

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** Where a milestone stands, in words: late by n days, due in n days, done (late), open or not planned. */
export async function MilestoneStateTag({
  milestone,
  now = new Date(),
}: {
  milestone: Pick<MilestoneView, "plannedOn" | "actualOn" | "state" | "doneLate">;
  now?: Date;
}) {
  const t = await getTranslations("projectMilestones.state");
  const today = shanghaiDay(now);
  if (milestone.actualOn) {
    return (
      <span className={`tag ${milestone.doneLate ? styles.soon : styles.done}`}>
        {t(milestone.doneLate ? "doneLate" : "done")}
      </span>
    );
  }
  if (!milestone.plannedOn) return <span className="tag">{t("unplanned")}</span>;
  if (milestone.state === "late") {
    return (
      <span className={`tag ${styles.late}`} data-state="late">
        {t("late", { days: daysBetween(milestone.plannedOn, today) })}
      </span>
    );
  }
  if (milestone.state === "dueSoon") {
    const days = daysBetween(today, milestone.plannedOn);
    return (
      <span className={`tag ${styles.soon}`} data-state="dueSoon">
        {days === 0 ? t("dueToday") : t("dueSoon", { days })}
      </span>
    );
  }
  return <span className="tag">{t("open")}</span>;
}
