"use client";
import { useLocale, useTranslations } from "use-intl";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import type { AreaTotals } from "@/lib/inventory/totals";
import styles from "./inventory.module.css";

/** A building's or the park's figures: 出租率/去化率, total, vacant and held area, signed or occupied area. */
export function AreaFigures({ totals }: { totals: AreaTotals }) {
  const t = useTranslations("inventory.grid");
  const units = useTranslations("units");
  const locale = useLocale() as Locale;
  const area = (value: number) => `${formatNumber(value, locale)} ${units("sqm")}`;
  const rate =
    totals.rate === null
      ? t("noRate")
      : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(totals.rate);
  const figures: [string, string][] = [
    [t("rate"), rate],
    [t("total"), area(totals.total)],
    [t("vacant"), area(totals.vacant)],
    [t("held"), area(totals.held)],
    [t("taken"), area(totals.signed + totals.occupied)],
  ];
  return (
    <dl className={styles.figures}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
