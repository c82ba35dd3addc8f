import { useTranslations } from "use-intl";
import { useRefusalText } from "@/components/ui/refusal";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";

/** A refusal an action answered: the wrapper's (forbidden, unavailable) or the lib/ call's field errors. */
export type Refusal =
  { ok: false; error: "forbidden" | "unavailable" } | { ok: false; fieldErrors: Record<string, string> };

/** The refusal in words: the wrapper's own, or each field error's validation message once. */
export function useRefusal(): (answer: Refusal) => string {
  const t = useTranslations("inventory.grid");
  const validation = useValidationMessage();
  const wrapper = useRefusalText();
  return (answer) =>
    "error" in answer
      ? wrapper(answer, t("forbidden"))
      : [...new Set(Object.values(answer.fieldErrors).map(validation))].join("；");
}
