import type { Metadata } from "next";
import type { ComponentType } from "react";
import { ConversionSection } from "@/components/reports/conversion-section";
import { DeliverySection } from "@/components/reports/delivery-section";
import { ExportLinks } from "@/components/reports/export-links";
import { FunnelSection } from "@/components/reports/funnel-section";
import { LossSection } from "@/components/reports/loss-section";
import { OccupancySection } from "@/components/reports/occupancy-section";
import { PipelineSection } from "@/components/reports/pipeline-section";
import { ReportFilters } from "@/components/reports/report-filters";
import { ReportTabs } from "@/components/reports/report-tabs";
import type { ReportSectionProps } from "@/components/reports/section-tables";
import { SpeedSection } from "@/components/reports/speed-section";
import { TrendSection } from "@/components/reports/trend-section";
import { WorkbookLinks } from "@/components/reports/workbook-links";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDate } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { managesLeads } from "@/lib/leads/access";
import { managesProjects } from "@/lib/projects/access";
import { inboxFilterOptions } from "@/lib/leads/filter/options";
import { invalidFields } from "@/lib/reports/export/view";
import { deliveryViewOf } from "@/lib/reports/delivery/view";
import { resolveRange, type UrlParams } from "@/lib/reports/filters";
import { reports } from "@/lib/reports/registry";
import { reportQueryOf, reportViewOf } from "@/lib/reports/report-view";
import { readReserveThreshold } from "@/lib/reports/settings/threshold";
import type { ReportKey } from "@/lib/reports/table";
import styles from "./page.module.css";
import { I18nProvider } from "@/components/i18n-provider";

const sections: Record<ReportKey, ComponentType<ReportSectionProps>> = {
  funnel: FunnelSection,
  conversion: ConversionSection,
  speed: SpeedSection,
  loss: LossSection,
  trend: TrendSection,
  pipeline: PipelineSection,
  occupancy: OccupancySection,
  delivery: DeliverySection,
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).reports.title };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<UrlParams> }) {
  const [viewer, locale, messages, t, db, params] = await Promise.all([
    requireUser(),
    getLocale(),
    getMessages(),
    getTranslations(),
    getDb(),
    searchParams,
  ]);
  const { filter, tab, invalid } = reportViewOf(params);
  const now = new Date();
  // Only the chosen tab's report runs: each tab is its own URL.
  const [options, tables, reserveThreshold] = await Promise.all([
    inboxFilterOptions(db, viewer),
    reports[tab](db, viewer, filter, now),
    readReserveThreshold(db),
  ]);
  const range = resolveRange(filter, now);
  const delivery = deliveryViewOf(filter, now);
  const query = reportQueryOf(filter);
  const Section = sections[tab];
  return (
    <I18nProvider namespaces={["reports", "reportsExport", "units"]}>
      <>
        <h1>{messages.reports.title}</h1>
        {invalid.length > 0 && (
          <p className="notice" role="status">
            {t("reports.invalid", { fields: invalidFields(invalid, messages) })}
          </p>
        )}
        {/* Keyed by the view: after a client-side navigation (a tab, "defaults") the fields show the new view, not the old one's values. */}
        <ReportFilters
          key={`${tab}?${query}`}
          filter={filter}
          tab={tab}
          options={options}
          managesLeads={managesLeads(viewer)}
        />
        {tab === "delivery" ? (
          <p className={styles.range} data-testid="report-range">
            {t("reportsDelivery.asOfText", {
              day: formatDate(new Date(delivery.at.getTime() - 1), locale),
              year: String(delivery.year),
            })}
            {!managesProjects(viewer) && <span className={styles.scope}>{messages.reportsDelivery.staffScope}</span>}
          </p>
        ) : (
          <p className={styles.range} data-testid="report-range">
            {t("reports.rangeText", {
              from: formatDate(range.from, locale),
              to: formatDate(new Date(range.to.getTime() - 1), locale),
            })}
            {!managesLeads(viewer) && <span className={styles.scope}>{messages.reports.staffScope}</span>}
          </p>
        )}
        <ReportTabs tab={tab} query={query} />
        <section aria-labelledby="report-heading" className={styles.section}>
          <header className={styles.header}>
            <h2 id="report-heading">{messages.reports.tabs[tab]}</h2>
            <ExportLinks report={tab} filterQuery={query} />
          </header>
          <Section tables={tables} viewerId={viewer.id} />
        </section>
        <WorkbookLinks filterQuery={query} reserveThreshold={reserveThreshold} />
      </>
    </I18nProvider>
  );
}
