import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { EvidenceView } from "@/lib/projects/evidence/queries";
import { RemoveEvidence } from "./remove-evidence";
import styles from "./milestones.module.css";

/** A project's evidence, newest first: photos shown small, files to download, notes as written. */
export async function EvidenceList({
  projectId,
  evidence,
  writable,
}: {
  projectId: string;
  evidence: EvidenceView[];
  writable: boolean;
}) {
  const [t, messages, locale] = await Promise.all([
    getTranslations("projectMilestones.evidence"),
    getMessages(),
    getLocale(),
  ]);
  if (evidence.length === 0) return <p className="meta">{t("empty")}</p>;
  const href = (id: string) => `/crm/projects/${encodeURIComponent(projectId)}/evidence/${encodeURIComponent(id)}`;
  return (
    <ul className={styles.evidence} aria-labelledby="evidence-title" data-testid="evidence-list">
      {evidence.map((item) => {
        const milestone = item.milestoneKind ? term(messages.vocabulary, "milestoneKind", item.milestoneKind) : null;
        return (
          <li key={item.id} data-evidence={item.id} data-kind={item.kind}>
            {item.kind === "PHOTO" && (
              // eslint-disable-next-line @next/next/no-img-element -- a private file behind the session, not optimisable
              <img
                className={styles.thumb}
                src={`${href(item.id)}?inline=1`}
                alt={t("photoAlt", { kind: milestone ?? term(messages.vocabulary, "evidenceKind", item.kind) })}
                loading="lazy"
              />
            )}
            <div>
              <p>
                <span className="tag">{term(messages.vocabulary, "evidenceKind", item.kind)}</span>
                {milestone && <> {milestone}</>}
              </p>
              {item.note && <p>{item.note}</p>}
              {item.fileName && (
                <p>
                  <a href={href(item.id)} download={item.fileName}>
                    {t("download")} {item.fileName}
                  </a>
                  {item.bytes !== null && (
                    <span className="meta">
                      {" "}
                      ({formatNumber(Math.max(1, Math.round(item.bytes / 1024)), locale)} KB)
                    </span>
                  )}
                </p>
              )}
              <p className="meta">
                {t("by", { name: item.uploadedByName ?? "—", at: formatDateTime(item.createdAt, locale) })}
              </p>
            </div>
            {writable && item.removable && <RemoveEvidence projectId={projectId} evidenceId={item.id} />}
          </li>
        );
      })}
    </ul>
  );
}
