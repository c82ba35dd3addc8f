import { compiledTranslator, type CompiledTranslator } from "../i18n/compiled-translator";
import { formatArea } from "../i18n/format";
import type { Locale, Messages } from "../i18n/messages";

export interface AskedFor {
  needDeal: "BUY" | "RENT";
  needKind: "FACTORY" | "OFFICE" | "LAND";
  needArea: { toString(): string };
  needAreaUnit: "SQM" | "MU";
}

type NeedTranslator = CompiledTranslator<"inquiryStatus">;

/**
 * One translator per catalogue, keeping its message compiled: a new one per call would parse it again
 * for every line (a burst of staff notifications renders one per lead).
 */
const translators = new WeakMap<Messages, NeedTranslator>();

function translatorFor(locale: Locale, messages: Messages): NeedTranslator {
  let t = translators.get(messages);
  if (!t) {
    t = compiledTranslator(locale, messages, "inquiryStatus");
    translators.set(messages, t);
  }
  return t;
}

/** What an inquiry asked for, in one line of the reader's language: 租赁厂房 5,000 m² / Rent · Factory, 5,000 m². */
export function needWords(inquiry: AskedFor, locale: Locale, messages: Messages): string {
  const deal = messages.inquiry.dealOptions[inquiry.needDeal === "BUY" ? "buy" : "rent"];
  const kind = messages.kind[inquiry.needKind];
  const area = formatArea(inquiry.needArea.toString(), inquiry.needAreaUnit, locale, messages);
  return translatorFor(locale, messages)("need", { deal, kind, area });
}
