import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";

/** A calendar day (YYYY-MM-DD, Shanghai) as the reader writes dates. */
export const dayText = (day: string, locale: Locale) => formatDate(new Date(`${day}T00:00:00+08:00`), locale);
