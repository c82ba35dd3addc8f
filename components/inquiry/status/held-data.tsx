import { formatArea, formatDateTime, formatNumber, formatWan } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { InquiryStatus } from "@/lib/inquiries/status/queries";
import styles from "./status.module.css";

type Held = Extract<InquiryStatus, { erased: false }>["held"];

const TIMELINES = {
  NOW: "now",
  WITHIN_3_MONTHS: "3m",
  WITHIN_6_MONTHS: "6m",
  WITHIN_12_MONTHS: "12m",
  LATER: "later",
} as const;

/**
 * "See what is held about you" (PIPL art. 45): every personal field of the lead and of each inquiry, in full,
 * folded in a <details> so it opens without scripts.
 */
export async function HeldData({ held }: { held: Held }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("inquiryStatus.held")]);
  const text = messages.inquiryStatus.held;
  const form = messages.inquiry;
  const shown = (value: string | number | null | undefined) =>
    value === null || value === undefined || value === "" ? text.none : String(value);
  const list = (rows: [string, string][]) => (
    <dl className={styles.facts}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
  const { lead } = held;
  return (
    <section aria-labelledby="held-data">
      <h2 id="held-data">{text.title}</h2>
      <details className={styles.held} data-testid="held-data">
        <summary>{text.summary}</summary>
        <p>{text.intro}</p>
        <h3>{text.person}</h3>
        {list([
          [form.company, lead.company],
          [form.contactName, lead.contactName],
          [form.phone, lead.phone],
          [form.wechat, shown(lead.wechat)],
          [form.email, shown(lead.email)],
          [form.creditCode, shown(lead.creditCode)],
          [text.industry, shown(lead.industry)],
          [text.firstSeen, formatDateTime(lead.createdAt, locale)],
        ])}
        <h3>{text.inquiries}</h3>
        {held.inquiries.map((inquiry) => (
          <div key={inquiry.id} data-testid="held-inquiry">
            <h4>
              {inquiry.reference} · {formatDateTime(inquiry.createdAt, locale)} · {text.channels[inquiry.channel]}
            </h4>
            {list([
              [form.company, inquiry.company],
              [form.contactName, inquiry.contactName],
              [form.phone, inquiry.phone],
              [form.wechat, shown(inquiry.wechat)],
              [form.email, shown(inquiry.email)],
              [form.creditCode, shown(inquiry.creditCode)],
              [form.deal, form.dealOptions[inquiry.needDeal === "BUY" ? "buy" : "rent"]],
              [form.kind, messages.kind[inquiry.needKind]],
              [form.area, formatArea(inquiry.needArea.toString(), inquiry.needAreaUnit, locale, messages)],
              [form.timeline, inquiry.timeline ? form.timelineOptions[TIMELINES[inquiry.timeline]] : text.none],
              [form.use, inquiry.use],
              [form.expectedAnnualTax, formatWan(inquiry.expectedAnnualTax.toString(), locale)],
              [form.investment, inquiry.investment ? formatWan(inquiry.investment.toString(), locale) : text.none],
              [
                form.annualOutput,
                inquiry.annualOutput ? formatWan(inquiry.annualOutput.toString(), locale) : text.none,
              ],
              [form.employees, inquiry.employees === null ? text.none : formatNumber(inquiry.employees, locale)],
              [form.powerKva, inquiry.powerKva === null ? text.none : formatNumber(inquiry.powerKva, locale)],
              [form.message, shown(inquiry.message)],
              [
                text.consentTitle,
                t("consent", {
                  version: inquiry.consentNoticeVersion,
                  date: formatDateTime(inquiry.consentedAt, locale),
                }),
              ],
            ])}
          </div>
        ))}
      </details>
    </section>
  );
}
