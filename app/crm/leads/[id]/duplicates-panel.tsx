import Link from "next/link";
import type { Viewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { managesLeads } from "@/lib/leads/access";
import { findDuplicates, type DuplicateLead } from "@/lib/leads/duplicates/queries";
import { planMerge, type MergeSide } from "@/lib/leads/merge/plan";
import { DuplicateList, type DuplicateItem } from "@/components/leads/care/duplicate-list";
import styles from "@/components/leads/care/care.module.css";

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** The confirmation's sentences: what moves, what fills in, where the stage ends up, what stays. */
function mergePreview(
  t: Translator,
  survivor: MergeSide,
  duplicate: DuplicateLead,
  stageName: (stage: MergeSide["stage"]) => string,
): string[] {
  const plan = planMerge(survivor, duplicate);
  const stage = plan.stageKey === survivor.stageKey ? survivor.stage : duplicate.stage;
  return [
    t("leadCare.merge.moves", duplicate.counts),
    plan.filled.length
      ? t("leadCare.merge.fills", {
          fields: plan.filled.map((field) => t(`leadCare.fields.${field}`)).join(t("leadCare.listSeparator")),
        })
      : t("leadCare.merge.fillsNone"),
    t(`leadCare.merge.stage.${plan.stageRule}`, { stage: stageName(stage) }),
    t("leadCare.merge.keeps"),
    t("leadCare.merge.tombstone"),
  ];
}

/**
 * The lead page's "possible duplicates": other live leads with the same phone or normalised
 * company that the viewer may see, why each is listed, and for managers a merge into this lead
 * with a confirmation of what will move. Loads its own data; renders nothing for a lead the
 * viewer may not see.
 */
export async function DuplicatesPanel({ leadId, viewer }: { leadId: string; viewer: Viewer }) {
  const [db, locale, t] = await Promise.all([getDb(), getLocale(), getTranslations()]);
  const found = await findDuplicates(db, viewer, leadId);
  if (!found) return null;
  const { lead, duplicates } = found;
  const stageName = (stage: MergeSide["stage"]) => localized(locale, stage.name, stage.nameEn);
  const canMerge = managesLeads(viewer);
  const items: DuplicateItem[] = duplicates.map((duplicate) => ({
    id: duplicate.id,
    version: duplicate.version,
    company: duplicate.company,
    contactName: duplicate.contactName,
    phone: duplicate.phone,
    reasons: duplicate.reasons.map((reason) => t(`leadCare.duplicates.reasons.${reason}`)),
    stage: stageName(duplicate.stage),
    owner: duplicate.owner?.name ?? t("leadCare.duplicates.unassigned"),
    received: t("leadCare.duplicates.received", { date: formatDate(duplicate.lastInquiryAt, locale) }),
    history: t("leadCare.duplicates.history", duplicate.counts),
    archived: duplicate.archivedAt !== null,
    preview: canMerge ? mergePreview(t, lead, duplicate, stageName) : null,
  }));

  return (
    <section className={styles.panel} aria-labelledby="duplicates-heading" data-testid="duplicates-panel">
      <h2 id="duplicates-heading">
        {t("leadCare.duplicates.heading")} <span className="meta">({items.length})</span>
      </h2>
      {items.length === 0 && <p className="meta">{t("leadCare.duplicates.none")}</p>}
      {/* Rendered even when empty: it holds the outcome of a merge that just emptied the list. */}
      <DuplicateList survivor={{ id: lead.id, version: lead.version }} items={items} />
      {canMerge && (
        <p className="meta">
          <Link href="/crm/leads/duplicates">{t("leadCare.duplicates.allGroups")}</Link>
        </p>
      )}
    </section>
  );
}
