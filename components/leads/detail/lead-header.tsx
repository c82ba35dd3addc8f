import Link from "next/link";
import type { ReactNode } from "react";
import { formatArea, formatDateTime, formatWan } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { LeadDetail } from "@/lib/leads/detail/queries";
import { DemoBadge } from "@/components/demo/demo-badge";
import styles from "./lead-detail.module.css";

/** Company, stage, owner, score and response deadline at a glance, with the stage and owner controls. */
export async function LeadHeader({
  detail,
  controls,
  now,
  admin,
}: {
  detail: LeadDetail;
  controls: ReactNode;
  now: Date;
  /** admins get a link to the PIPL request list (their page alone) */
  admin: boolean;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = await getTranslations();
  const { lead } = detail;
  const text = messages.leadPage.header;
  const late = !lead.firstRespondedAt && lead.firstResponseDueAt && lead.firstResponseDueAt < now;
  return (
    <header className={styles.header}>
      <p className="meta">
        <Link href="/crm/leads">{messages.leadPage.back}</Link>
      </p>
      <h1>
        {lead.company}
        {lead.demo && <DemoBadge text={messages.demo.badge} />}
      </h1>
      <ul className={styles.facts}>
        <li data-testid="lead-stage">
          {text.stage} <strong>{localized(locale, lead.stage.name, lead.stage.nameEn)}</strong>
        </li>
        <li data-testid="lead-owner">
          {text.owner} <strong>{lead.owner?.name ?? text.pool}</strong>
        </li>
        <li>
          {text.score} <strong>{lead.score === null ? text.noScore : lead.score}</strong>
          {lead.vetoed && <strong className={styles.late}> · {text.vetoed}</strong>}
        </li>
        <li>{t("leadPage.header.received", { date: formatDateTime(lead.createdAt, locale) })}</li>
        {lead.lastActivityAt && (
          <li>{t("leadPage.header.lastActivity", { date: formatDateTime(lead.lastActivityAt, locale) })}</li>
        )}
        {lead.firstRespondedAt ? (
          <li>{t("leadPage.header.responded", { date: formatDateTime(lead.firstRespondedAt, locale) })}</li>
        ) : lead.firstResponseDueAt ? (
          <li className={late ? styles.late : undefined}>
            {late
              ? text.late
              : t("leadPage.header.responseDue", { date: formatDateTime(lead.firstResponseDueAt, locale) })}
          </li>
        ) : null}
      </ul>
      {lead.lostReason && (
        <p className="meta">
          {t("leadPage.header.lost", { reason: localized(locale, lead.lostReason.name, lead.lostReason.nameEn) })}
          {lead.lostToPark && ` · ${t("leadPage.header.lostToPark", { park: lead.lostToPark })}`}
        </p>
      )}
      {lead.signedArea && lead.signedAreaUnit && lead.signedAnnualTax && (
        <p className="meta">
          {t("leadPage.header.signed", {
            area: formatArea(lead.signedArea, lead.signedAreaUnit, locale, messages),
            tax: formatWan(lead.signedAnnualTax, locale),
          })}
        </p>
      )}
      {detail.projectId && (
        <p className="meta">
          <Link href={`/crm/projects/${detail.projectId}`}>{text.project}</Link>
        </p>
      )}
      {lead.consentWithdrawnAt && (
        <p className="notice" data-testid="lead-consent-withdrawn">
          {t("leadPage.header.consentWithdrawn", { date: formatDateTime(lead.consentWithdrawnAt, locale) })}
        </p>
      )}
      {detail.privacyRequests.map((request) => (
        <p className="notice" key={request.kind} data-testid="lead-privacy-request">
          {t(request.kind === "ERASE" ? "leadPage.header.erasureAsked" : "leadPage.header.withdrawalOpen", {
            date: formatDateTime(request.dueAt, locale),
          })}
          {admin && (
            <>
              {" "}
              <Link href="/crm/privacy">{text.privacyRequests}</Link>
            </>
          )}
        </p>
      ))}
      {lead.mergedIntoId && (
        <p className="notice">
          {text.merged} <Link href={`/crm/leads/${lead.mergedIntoId}`}>{text.openMerged}</Link>
        </p>
      )}
      <div className={styles.controls}>{controls}</div>
    </header>
  );
}
