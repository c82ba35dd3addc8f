import Link from "next/link";
import { formatArea, formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { InboxSort } from "@/lib/leads/inbox/cursor";
import type { InboxRow } from "@/lib/leads/inbox/queries";
import { ClaimForm } from "./claim-form";
import { inboxHref, type InboxView } from "./inbox-href";
import { BULK_FORM_ID } from "./bulk-form-id";
import { SelectPage } from "./select-page";
import styles from "./inbox.module.css";

interface Props {
  rows: InboxRow[];
  view: InboxView;
  now: Date;
}

type Translate = Awaited<ReturnType<typeof getTranslations<"inbox">>>;

function age(createdAt: Date, now: Date, t: Translate): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 60_000));
  if (minutes < 60) return t("ageMinutes");
  if (minutes < 24 * 60) return t("ageHours", { n: Math.floor(minutes / 60) });
  return t("ageDays", { n: Math.floor(minutes / (24 * 60)) });
}

function need(row: InboxRow, locale: Locale, messages: Messages): string {
  if (!row.need) return "—";
  const { deal, kind, area, unit } = row.need;
  return [
    deal && messages.inbox.deal[deal],
    kind && messages.kind[kind],
    area && unit && formatArea(area, unit, locale, messages),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** A column header that sorts by its column; a second click turns the order round. */
function SortHeader({ sort, label, title, view }: { sort: InboxSort; label: string; title: string; view: InboxView }) {
  const active = view.sort === sort;
  const direction = active && view.direction === "desc" ? "asc" : "desc";
  return (
    <th scope="col" aria-sort={active ? (view.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={inboxHref({ filter: view.filter, sort, direction })} title={title}>
        {label}
        {active && <span aria-hidden="true">{view.direction === "asc" ? " ↑" : " ↓"}</span>}
      </Link>
    </th>
  );
}

/** The inbox's rows: on a phone the table scrolls sideways with the company column kept in view. */
export async function InboxTable({ rows, view, now }: Props) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("inbox")]);
  const text = messages.inbox;
  const columns = text.columns;
  return (
    <div className={`table-wrap ${styles.tableWrap}`}>
      <table className={`data-table ${styles.table}`}>
        <thead>
          <tr>
            <th scope="col">
              <SelectPage label={columns.selectPage} />
            </th>
            <th scope="col">{columns.stage}</th>
            <th scope="col" className={styles.sticky}>
              {columns.company}
            </th>
            <th scope="col">{columns.owner}</th>
            <th scope="col">{columns.need}</th>
            <th scope="col">{columns.tax}</th>
            <SortHeader sort="score" label={columns.score} title={t("sortBy", { column: columns.score })} view={view} />
            <th scope="col">{columns.source}</th>
            <th scope="col">{columns.listing}</th>
            <SortHeader
              sort="activity"
              label={columns.activity}
              title={t("sortBy", { column: columns.activity })}
              view={view}
            />
            <SortHeader
              sort="received"
              label={columns.received}
              title={t("sortBy", { column: columns.received })}
              view={view}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-lead-id={row.id}>
              <td>
                <input
                  type="checkbox"
                  name="leadIds"
                  value={row.id}
                  form={BULK_FORM_ID}
                  aria-label={`${columns.select} ${row.company}`}
                  className={styles.check}
                />
              </td>
              <td>
                <span className={`tag ${styles[`stage${row.stage.category}`]}`}>
                  {localized(locale, row.stage.name, row.stage.nameEn)}
                </span>
              </td>
              <td className={styles.sticky}>
                <Link href={`/crm/leads/${row.id}`} className={styles.company}>
                  {row.company}
                </Link>
                <div className="meta">
                  {row.contactName} · <span data-testid="lead-phone">{row.phone}</span>
                </div>
                <Flags row={row} flags={text.flags} />
              </td>
              <td>
                {row.owner ? (
                  row.owner.name
                ) : row.archived ? (
                  text.unassigned
                ) : (
                  <ClaimForm leadId={row.id} label={text.unassigned} />
                )}
              </td>
              <td>{need(row, locale, messages)}</td>
              <td className={styles.number}>
                {row.expectedAnnualTax === null ? "—" : formatNumber(row.expectedAnnualTax, locale, 4)}
              </td>
              <td className={styles.number}>{row.score ?? "—"}</td>
              <td>{row.source}</td>
              <td>{row.listing ? localized(locale, row.listing.title, row.listing.titleEn) : "—"}</td>
              <td>{row.lastActivityAt ? formatDateTime(row.lastActivityAt, locale) : text.never}</td>
              <td title={formatDateTime(row.createdAt, locale)}>{age(row.createdAt, now, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Flags({ row, flags }: { row: InboxRow; flags: Messages["inbox"]["flags"] }) {
  const shown = [
    row.overdue && (
      <span key="overdue" className={`tag ${styles.warn}`}>
        {flags.overdue}
      </span>
    ),
    row.late && (
      <span key="late" className={`tag ${styles.warn}`}>
        {flags.late}
      </span>
    ),
    row.duplicate && (
      <span key="duplicate" className="tag" title={flags.duplicateHint}>
        {flags.duplicate}
      </span>
    ),
    row.vetoed && (
      <span key="vetoed" className={`tag ${styles.warn}`}>
        {flags.vetoed}
      </span>
    ),
    row.archived && (
      <span key="archived" className="tag">
        {flags.archived}
      </span>
    ),
  ].filter(Boolean);
  return shown.length ? <div className="tags">{shown}</div> : null;
}
