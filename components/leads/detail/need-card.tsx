import { Fragment } from "react";
import { Decimal } from "decimal.js";
import { formatArea, formatNumber, formatWan } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { LeadDetail } from "@/lib/leads/detail/queries";
import { SQM_PER_MU } from "@/lib/listings/units";
import styles from "./lead-detail.module.css";

/** 亩均税收 on the area the investor asked for: how parks first judge a project. */
function taxPerMu(lead: LeadDetail["lead"]): string | null {
  if (!lead.expectedAnnualTax || !lead.needArea || !lead.needAreaUnit) return null;
  const mu = lead.needAreaUnit === "MU" ? new Decimal(lead.needArea) : new Decimal(lead.needArea).div(SQM_PER_MU);
  return mu.gt(0) ? new Decimal(lead.expectedAnnualTax).div(mu).toDecimalPlaces(2).toString() : null;
}

export async function NeedCard({ detail }: { detail: LeadDetail }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = await getTranslations();
  const { lead } = detail;
  const text = messages.leadPage.need;
  const perMu = taxPerMu(lead);
  const rows: [string, string | null][] = [
    [text.deal, lead.needDeal && messages.leadPage.needDeal[lead.needDeal]],
    [text.kind, lead.needKind && messages.kind[lead.needKind]],
    [
      text.area,
      lead.needArea && lead.needAreaUnit ? formatArea(lead.needArea, lead.needAreaUnit, locale, messages) : null,
    ],
    [text.use, lead.use],
    [text.industry, lead.industry],
    [text.tax, lead.expectedAnnualTax && formatWan(lead.expectedAnnualTax, locale)],
    [text.taxPerMu, perMu && t("leadPage.need.perMu", { value: formatWan(perMu, locale) })],
    [text.investment, lead.investment && formatWan(lead.investment, locale)],
    [text.output, lead.annualOutput && formatWan(lead.annualOutput, locale)],
    [
      text.employees,
      lead.employees === null
        ? null
        : t("leadPage.need.employeesValue", { count: formatNumber(lead.employees, locale) }),
    ],
    [text.source, term(messages.vocabulary, "source", lead.source)],
    [text.medium, term(messages.vocabulary, "medium", lead.firstUtmMedium)],
    [text.notes, lead.notes],
  ];
  return (
    <section className="panel" aria-labelledby="need-heading">
      <h2 id="need-heading">{text.title}</h2>
      <dl className={styles.details}>
        {rows.map(([label, value]) =>
          value ? (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ) : null,
        )}
      </dl>
    </section>
  );
}
