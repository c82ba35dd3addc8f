import { formatNumber, formatWan } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";

/*
 * Figures as people read them, shared by the tables (server) and the charts (client), so a bar's
 * label and its table cell never disagree. Durations have their own rule, lib/reports/duration.
 */

export type FigureKind = "count" | "percent" | "wan" | "area" | "decimal";

const percentFormats = new Map<Locale, Intl.NumberFormat>();

export function formatFigure(value: number, kind: FigureKind, locale: Locale): string {
  switch (kind) {
    case "count":
      return formatNumber(value, locale, 0);
    case "percent": {
      let format = percentFormats.get(locale);
      if (!format) {
        format = new Intl.NumberFormat(locale, {
          style: "percent",
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        });
        percentFormats.set(locale, format);
      }
      return format.format(value);
    }
    case "wan":
      return formatWan(value, locale);
    case "area":
    case "decimal":
      return formatNumber(value, locale, 2);
  }
}
