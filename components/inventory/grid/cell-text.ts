import { formatArea } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import type { GridUnit } from "@/lib/inventory/grid/queries";

/*
 * The words of a cell and of the side panel, shared by both: a floor's label, a unit's area in its own unit
 * (m², or 亩 for a plot), and a hold's expiry as a cell has room for ("12/13", on Shanghai's calendar).
 */

type FloorWords = (key: "floor" | "basement" | "noFloor", values?: { floor: number }) => string;

export function floorLabel(floor: number | null, t: FloorWords): string {
  if (floor === null) return t("noFloor");
  return floor < 0 ? t("basement", { floor: -floor }) : t("floor", { floor });
}

export function unitArea(
  unit: Pick<GridUnit, "area" | "areaUnit">,
  locale: Locale,
  words: { sqm: string; mu: string },
): string {
  return formatArea(unit.area, unit.areaUnit, locale, { units: words });
}

const short = new Map<Locale, Intl.DateTimeFormat>();
export function cellDate(value: Date, locale: Locale): string {
  let format = short.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric" });
    short.set(locale, format);
  }
  return format.format(value);
}
