import { defaultLocale, type Locale } from "./messages";

/**
 * The UI language a browser asks for in its Accept-Language header, before the visitor has chosen one
 * with the switch: the supported language with the highest weight (ties go to the earlier one), any
 * English ("en", "en-GB") reading as English and any Chinese ("zh", "zh-TW") as Chinese; else Chinese.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...parameters] = entry.trim().toLowerCase().split(";");
      const weight = parameters.map((parameter) => /^\s*q=(.*)$/.exec(parameter)?.[1]).find(Boolean);
      return { tag: tag.trim(), weight: weight === undefined ? 1 : Number(weight), index };
    })
    .filter(({ weight }) => Number.isFinite(weight) && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "en" || tag.startsWith("en-")) return "en";
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
  }
  return defaultLocale;
}
