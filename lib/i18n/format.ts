import type { Locale, Messages } from "./messages";

/*
 * Number formats for amounts in 万元, areas in m² or 亩 and listing prices. Values arrive as
 * exact decimal strings (Prisma Decimal.toString()), so nothing here feeds a float into storage.
 */

type PriceUnit = keyof Messages["units"]["priceUnit"];
type AreaUnit = "SQM" | "MU";

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, maximumFractionDigits: number) {
  const key = `${locale}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: string | number, locale: Locale, maximumFractionDigits = 2): string {
  return numberFormat(locale, maximumFractionDigits).format(Number(value));
}

/** `messages` needs only the two area units, so a client component can pass them from its own translator. */
export function formatArea(
  value: string | number,
  unit: AreaUnit,
  locale: Locale,
  messages: { units: Pick<Messages["units"], "mu" | "sqm"> },
): string {
  return `${formatNumber(value, locale)} ${unit === "MU" ? messages.units.mu : messages.units.sqm}`;
}

export function formatPrice(value: string | number, unit: PriceUnit, locale: Locale, messages: Messages): string {
  const label = messages.units.priceUnit[unit];
  if (locale === "en" && (unit === "WAN_TOTAL" || unit === "WAN_PER_MU")) {
    // English readers think in millions, not in 万 (10,000).
    const millions = formatNumber(Number(value) / 100, locale, 2);
    return unit === "WAN_TOTAL" ? `CNY ${millions} million` : `CNY ${millions} million/mu`;
  }
  return `${formatNumber(value, locale)} ${label}`;
}

/** An amount held in 万元. */
export function formatWan(value: string | number, locale: Locale): string {
  if (locale === "en") return `CNY ${formatNumber(Number(value) / 100, locale, 2)} million`;
  return `${formatNumber(value, locale, 4)} 万元`;
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
/** Calendar dates as people in the park read them: Asia/Shanghai whatever the server's zone. */
export function formatDate(value: Date, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "long",
      day: "numeric",
    });
    dateFormats.set(locale, format);
  }
  return format.format(value);
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
/** Date and time of day in Asia/Shanghai, for the workspace's tables. */
export function formatDateTime(value: Date, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: "Asia/Shanghai",
      dateStyle: "medium",
      timeStyle: "short",
      hour12: false,
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(value);
}

const dayTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
/** A day of the month and a time, Asia/Shanghai: "12月13日 18:00", "Dec 13, 18:00" (a hold's expiry). */
export function formatDayTime(value: Date, locale: Locale): string {
  let format = dayTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: "Asia/Shanghai",
      month: locale === "en" ? "short" : "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dayTimeFormats.set(locale, format);
  }
  return format.format(value);
}
