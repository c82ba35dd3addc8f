import { Fragment } from "react";
import type { LeadDetail } from "@/lib/leads/detail/queries";
import { getMessages } from "@/lib/i18n/server";
import { ClaimButton } from "./claim-button";
import styles from "./lead-detail.module.css";

/** Who to call. On a pool lead staff see the number masked, with the claim button beside it. */
export async function ContactCard({ detail }: { detail: LeadDetail }) {
  const { lead, can } = detail;
  const text = (await getMessages()).leadPage.contact;
  const rows: [string, string | null][] = [
    [text.wechat, lead.wechat],
    [text.email, lead.email],
    [text.creditCode, lead.creditCode],
  ];
  return (
    <section className="panel" aria-labelledby="contact-heading">
      <h2 id="contact-heading">{text.title}</h2>
      <dl className={styles.details}>
        <dt>{text.contactName}</dt>
        <dd>{lead.contactName}</dd>
        <dt>{text.phone}</dt>
        <dd data-testid="lead-phone">
          {lead.phoneMasked ? (
            <span className={styles.mono}>{lead.phone}</span>
          ) : (
            <a href={`tel:${lead.phone}`} className={styles.mono}>
              {lead.phone}
            </a>
          )}
        </dd>
        {rows.map(([label, value]) =>
          value ? (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ) : null,
        )}
      </dl>
      {lead.phoneMasked && <p className="hint">{text.masked}</p>}
      {can.claim && <ClaimButton leadId={lead.id} />}
    </section>
  );
}
