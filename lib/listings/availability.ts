import { formatArea, formatNumber } from "../i18n/format";
import type { Locale } from "../i18n/messages";

type AreaWords = { units: { sqm: string; mu: string } };

/**
 * A park's area as its operator says it: in 万 m² with up to two decimals (1.37 万 m²) for a Chinese reader once
 * the park reaches 1 万 m², else in whole m² (English readers count in thousands). `scale` is the figure that picks
 * the unit, so a park's free and total areas are said in the same one.
 */
export function formatParkArea(value: number, scale: number, locale: Locale, words: AreaWords): string {
  if (locale === "zh-CN" && scale >= 10_000) return `${formatNumber(value / 10_000, locale, 2)} 万 ${words.units.sqm}`;
  // Whole m²: a park's land plots, counted in m², would otherwise show the hundredths of their 亩.
  return `${formatNumber(value, locale, 0)} ${words.units.sqm}`;
}

/** The free and total areas of a park, each in the park's unit: for "可租售 {free} / {total}". */
export function parkAvailabilityAreas(
  availability: { free: number; total: number },
  locale: Locale,
  words: AreaWords,
): { free: string; total: string } {
  return {
    free: formatParkArea(availability.free, availability.total, locale, words),
    total: formatParkArea(availability.total, availability.total, locale, words),
  };
}

/** A listing's free and total areas in its own unit (m² or 亩), for the same sentence. */
export function listingAvailabilityAreas(
  listing: { availableArea: string; area: string; areaUnit: "SQM" | "MU" },
  locale: Locale,
  words: AreaWords,
): { free: string; total: string } {
  return {
    free: formatArea(listing.availableArea, listing.areaUnit, locale, words),
    total: formatArea(listing.area, listing.areaUnit, locale, words),
  };
}
