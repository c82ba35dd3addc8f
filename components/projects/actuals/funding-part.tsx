import { formatDate, formatNumber, formatWan } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { getTranslations } from "@/lib/i18n/server";
import type { ProjectFunding } from "@/lib/projects/funding/queries";
import styles from "./actuals.module.css";
import { FundingPlanEditor } from "./funding-plan-editor";
import { Payments } from "./payments";

const dayText = (day: string, locale: Locale) => formatDate(new Date(`${day}T00:00:00.000Z`), locale);

/** 到资: the figures on today's day, the contract's schedule and the payments received. */
export async function FundingPart({
  funding,
  writable,
  locale,
}: {
  funding: ProjectFunding;
  writable: boolean;
  locale: Locale;
}) {
  const t = await getTranslations("projectActuals.funding");
  const { figures } = funding;
  const wan = (value: string) => formatWan(value, locale);
  const rate = (value: number | null) => (value === null ? t("figures.none") : `${formatNumber(value, locale, 1)}%`);
  const shown: [string, string, string?][] = [
    [t("figures.committed"), figures.committed === null ? t("figures.none") : wan(figures.committed)],
    [t("figures.paid"), wan(figures.paid)],
    [t("figures.paidRate"), rate(figures.paidRate), t("figures.paidRateHint")],
    [t("figures.scheduledToDate"), wan(figures.scheduledToDate)],
    [t("figures.scheduleRate"), rate(figures.scheduleRate), t("figures.scheduleRateHint")],
    [
      t("figures.next"),
      figures.next
        ? t("figures.nextValue", { day: dayText(figures.next.dueOn, locale), amount: wan(figures.next.amount) })
        : t("figures.none"),
    ],
  ];
  const differs = figures.committed !== null && funding.plan.length > 0 && figures.committed !== figures.scheduledTotal;
  return (
    <div className={styles.part}>
      <h3>{t("title")}</h3>
      <dl className={styles.figures} aria-label={t("figures.label")} data-testid="funding-figures">
        {shown.map(([label, value, hint]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {value}
              {hint && <small>{hint}</small>}
            </dd>
          </div>
        ))}
      </dl>
      <p data-testid="funding-state">
        {funding.plan.length === 0 ? (
          <span className="meta">{t("figures.noPlan")}</span>
        ) : figures.behind && figures.shortfall ? (
          <span className={styles.behind}>{t("figures.behind", { amount: wan(figures.shortfall) })}</span>
        ) : (
          <span className={styles.ahead}>{t("figures.onSchedule")}</span>
        )}
      </p>

      <div className={styles.heading}>
        <h4 id="actuals-plan-title">{t("plan.title")}</h4>
        {writable && <FundingPlanEditor projectId={funding.projectId} version={funding.version} rows={funding.plan} />}
      </div>
      {funding.plan.length === 0 ? (
        <p className="meta">{t("plan.empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="actuals-plan-title" tabIndex={0}>
          <table className="data-table" data-testid="funding-plan">
            <thead>
              <tr>
                <th scope="col">{t("plan.instalment")}</th>
                <th scope="col">{t("plan.dueOn")}</th>
                <th scope="col">{t("plan.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {funding.plan.map((row, index) => (
                <tr key={row.dueOn}>
                  <th scope="row">{t("plan.instalmentNumber", { n: index + 1 })}</th>
                  <td>{dayText(row.dueOn, locale)}</td>
                  <td>{formatNumber(row.amount, locale, 4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {funding.plan.length > 0 && (
        <p className="meta">
          {t("plan.total", { total: wan(figures.scheduledTotal) })}
          {figures.committed !== null && ` · ${t("plan.againstCommitment", { committed: wan(figures.committed) })}`}
          {differs && <span className={styles.behind}> · {t("plan.differs")}</span>}
        </p>
      )}

      <h4 id="actuals-payments-title">{t("payments.title")}</h4>
      <Payments
        projectId={funding.projectId}
        writable={writable}
        rows={funding.payments.map((row) => ({
          id: row.id,
          paidOnText: dayText(row.paidOn, locale),
          amountText: formatNumber(row.amount, locale, 4),
          note: row.note,
          recordedBy: row.recordedBy,
          deletable: row.deletable,
        }))}
      />
    </div>
  );
}
