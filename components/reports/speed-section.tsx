import type { Locale } from "@/lib/i18n/messages";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { minutesOf, sharedDurationUnit } from "@/lib/reports/duration";
import type { ReportValue } from "@/lib/reports/table";
import { chartColors } from "./chart-colors";
import { ReportTableView, reportTranslator } from "./report-table";
import type { ReportSectionProps } from "./section-tables";
import { SpeedBarChart, type SpeedBar } from "./speed-bar-chart";
import styles from "./speed-section.module.css";

const number = (value: ReportValue | undefined) => (typeof value === "number" ? value : null);
const minutes = (value: ReportValue | undefined, unit: "hours" | "days") => {
  const figure = number(value);
  return figure === null ? null : minutesOf(figure, unit);
};

/** A text cell in the page's language (stage and owner rows carry an English twin). */
function label(row: Record<string, ReportValue>, key: string, locale: Locale): string {
  const english = row[`${key}En`];
  return String(locale === "en" && typeof english === "string" ? english : (row[key] ?? ""));
}

/**
 * The speed report: first response (bars of median and p90 by owner), time in each stage (bars of
 * average and median) and the cycle time to signing, each with its table beneath and its definition.
 * Each chart reads in minutes, hours or days, as its largest figure needs. A range with nothing to measure says so instead of drawing empty axes.
 */
export async function SpeedSection({ tables, viewerId }: ReportSectionProps) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), reportTranslator()]);
  const find = (key: string) => tables.find((table) => table.key === `reportsSpeed.tables.${key}`);
  const [response, byOwner, stages, cycle] = [find("response"), find("responseByOwner"), find("stages"), find("cycle")];
  if (tables.every((table) => table.rows.length === 0)) return <p className={styles.empty}>{t("reports.empty")}</p>;

  const ownerBars: SpeedBar[] = (byOwner?.rows ?? [])
    .filter((row) => number(row.median) !== null)
    .map((row) => ({
      label: label(row, "owner", locale),
      values: [minutes(row.median, "hours"), minutes(row.p90, "hours")],
    }));
  const stageBars: SpeedBar[] = (stages?.rows ?? [])
    .filter((row) => number(row.average) !== null)
    .map((row) => ({
      label: label(row, "stage", locale),
      values: [minutes(row.average, "days"), minutes(row.median, "days")],
    }));
  // The charts' labels name the unit their scale is in.
  const unitOf = (bars: SpeedBar[]) =>
    messages.reportsExport.units[
      sharedDurationUnit(bars.flatMap((bar) => bar.values).filter((value) => value !== null))
    ];

  return (
    <div className={styles.section}>
      <section className={styles.part} aria-labelledby="speed-response">
        <h3 id="speed-response" className={styles.heading}>
          {t("reportsSpeed.headings.response")}
        </h3>
        <p className={styles.definition}>{t("reportsSpeed.definitions.response")}</p>
        <p className={styles.definition}>{t("reportsSpeed.definitions.withinDay")}</p>
        {ownerBars.length > 0 && (
          <SpeedBarChart
            bars={ownerBars}
            series={[
              { name: t("reportsSpeed.charts.median"), color: chartColors.brand },
              { name: t("reportsSpeed.charts.p90"), color: chartColors.accent },
            ]}
            units={messages.reports.units}
            label={t("reportsSpeed.charts.response", { unit: unitOf(ownerBars) })}
          />
        )}
        {response && <ReportTableView table={response} viewerId={viewerId} />}
        {byOwner && <ReportTableView table={byOwner} viewerId={viewerId} />}
      </section>
      <section className={styles.part} aria-labelledby="speed-stages">
        <h3 id="speed-stages" className={styles.heading}>
          {t("reportsSpeed.headings.stages")}
        </h3>
        <p className={styles.definition}>{t("reportsSpeed.definitions.stages")}</p>
        {stageBars.length > 0 && (
          <SpeedBarChart
            bars={stageBars}
            series={[
              { name: t("reportsSpeed.charts.average"), color: chartColors.brand },
              { name: t("reportsSpeed.charts.median"), color: chartColors.ok },
            ]}
            units={messages.reports.units}
            label={t("reportsSpeed.charts.stages", { unit: unitOf(stageBars) })}
          />
        )}
        {stages && <ReportTableView table={stages} viewerId={viewerId} />}
      </section>
      <section className={styles.part} aria-labelledby="speed-cycle">
        <h3 id="speed-cycle" className={styles.heading}>
          {t("reportsSpeed.headings.cycle")}
        </h3>
        <p className={styles.definition}>{t("reportsSpeed.definitions.cycle")}</p>
        {cycle && <ReportTableView table={cycle} viewerId={viewerId} />}
      </section>
    </div>
  );
}
