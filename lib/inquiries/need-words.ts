import { createTranslator } from "use-intl/core";
import { formatArea } from "../i18n/format";
import type { Locale, Messages } from "../i18n/messages";

export interface AskedFor {
  needDeal: "BUY" | "RENT";
  needKind: "FACTORY" | "OFFICE" | "LAND";
  needArea: { toString(): string };
  needAreaUnit: "SQM" | "MU";
}

/** What an inquiry asked for, in one line of the reader's language: 租赁厂房 5,000 m² / Rent · Factory, 5,000 m². */
export function needWords(inquiry: AskedFor, locale: Locale, messages: Messages): string {
  const deal = messages.inquiry.dealOptions[inquiry.needDeal === "BUY" ? "buy" : "rent"];
  const kind = messages.kind[inquiry.needKind];
  const area = formatArea(inquiry.needArea.toString(), inquiry.needAreaUnit, locale, messages);
  return createTranslator({ locale, messages, namespace: "inquiryStatus" })("need", { deal, kind, area });
}
