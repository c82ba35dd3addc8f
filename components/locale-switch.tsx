import { switchLocale } from "@/lib/i18n/actions";
import type { Locale } from "@/lib/i18n/messages";

/** A plain form, so the language can be switched before (or without) JavaScript. */
export function LocaleSwitch({ locale, label, title }: { locale: Locale; label: string; title: string }) {
  const other: Locale = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="link-button" lang={other} aria-label={`${title}: ${label}`}>
        {label}
      </button>
    </form>
  );
}
