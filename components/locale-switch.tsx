import { switchLocale } from "@/lib/i18n/actions";
import type { Locale } from "@/lib/i18n/messages";
import { getLocale, getTranslations } from "@/lib/i18n/server";

/** A plain form, so the language can be switched before (or without) JavaScript. */
export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("site")]);
  const other: Locale = locale === "en" ? "zh-CN" : "en";
  const label = t("switchTo");
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="link-button" lang={other} aria-label={`${t("language")}: ${label}`}>
        {label}
      </button>
    </form>
  );
}
