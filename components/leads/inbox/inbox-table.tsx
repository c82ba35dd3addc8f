import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { formatArea, formatDateTime, formatNumber } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { InboxSort } from "@/lib/leads/inbox/cursor";
import type { InboxRow } from "@/lib/leads/inbox/queries";
import { DemoBadge } from "@/components/demo/demo-badge";
import { ClaimForm } from "./claim-form";
import { inboxHref, type InboxView } from "./inbox-href";
import { BULK_FORM_ID } from "./bulk-form-id";
import { SelectPage } from "./select-page";
import styles from "./inbox.module.css";

interface Props {
  rows: InboxRow[];
  view: InboxView;
  now: Date;
  userId: string;
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

/** A header that sorts by its column (server-side, through the URL); a second click turns the order round. */
function sortable(sort: InboxSort, label: string, view: InboxView, t: Translate): Partial<DataTableColumn> {
  const active = view.sort === sort;
  const direction = active && view.direction === "desc" ? "asc" : "desc";
  return {
    sort: active ? (view.direction === "asc" ? "ascending" : "descending") : undefined,
    header: (
      <Link href={inboxHref({ filter: view.filter, sort, direction })} title={t("sortBy", { column: label })}>
        {label}
        {active && <span aria-hidden="true">{view.direction === "asc" ? " ↑" : " ↓"}</span>}
      </Link>
    ),
  };
}

/**
 * The inbox's rows on the workspace's data table: the company (with the row's tick box, so a phone
 * user selects and opens a lead with one thumb) stays in view while the other columns scroll.
 */
export async function InboxTable({ rows, view, now, userId }: Props) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("inbox")]);
  const text = messages.inbox;
  const columns = text.columns;
  const pool = messages.vocabulary.pool;
  const tableColumns: DataTableColumn[] = [
    {
      id: "company",
      label: columns.company,
      header: (
        <span className={styles.companyHeader}>
          <SelectPage label={columns.selectPage} />
          {columns.company}
        </span>
      ),
    },
    { id: "stage", label: columns.stage },
    { id: "owner", label: columns.owner },
    { id: "need", label: columns.need },
    { id: "tax", label: columns.tax, numeric: true },
    { id: "score", label: columns.score, numeric: true, ...sortable("score", columns.score, view, t) },
    { id: "source", label: columns.source },
    { id: "medium", label: columns.medium },
    { id: "listing", label: columns.listing },
    { id: "activity", label: columns.activity, ...sortable("activity", columns.activity, view, t) },
    { id: "received", label: columns.received, ...sortable("received", columns.received, view, t) },
  ];
  const tableRows = rows.map((row) => ({
    id: row.id,
    cells: {
      company: (
        <div className={styles.companyCell} data-lead-id={row.id}>
          <input
            type="checkbox"
            name="leadIds"
            value={row.id}
            form={BULK_FORM_ID}
            aria-label={`${columns.select} ${row.company}`}
            className={styles.check}
          />
          <div>
            <Link href={`/crm/leads/${row.id}`} className={styles.company}>
              {row.company}
            </Link>
            {row.demo && <DemoBadge text={messages.demo.badge} />}
            <div className="meta">
              {row.contactName} · <span data-testid="lead-phone">{row.phone}</span>
            </div>
            <Flags row={row} flags={text.flags} />
          </div>
        </div>
      ),
      stage: (
        <span className={`tag ${styles[`stage${row.stage.category}`]}`}>
          {localized(locale, row.stage.name, row.stage.nameEn)}
        </span>
      ),
      owner: row.owner ? row.owner.name : row.archived ? pool : <ClaimForm leadId={row.id} label={pool} />,
      need: need(row, locale, messages),
      tax: row.expectedAnnualTax === null ? "—" : formatNumber(row.expectedAnnualTax, locale, 4),
      score: row.score ?? "—",
      source: term(messages.vocabulary, "source", row.source),
      medium: term(messages.vocabulary, "medium", row.medium),
      listing: row.listing ? localized(locale, row.listing.title, row.listing.titleEn) : "—",
      activity: row.lastActivityAt ? formatDateTime(row.lastActivityAt, locale) : text.never,
      received: <span title={formatDateTime(row.createdAt, locale)}>{age(row.createdAt, now, t)}</span>,
    },
  }));
  return (
    <DataTable
      id="inbox"
      userId={userId}
      label={text.table}
      chooserLabel={text.chooseColumns}
      columns={tableColumns}
      rows={tableRows}
    />
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
