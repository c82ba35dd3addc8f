"use client";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";

/**
 * An import's refusal key in the page's language: the file and mapping checks say theirs with
 * leadImport.errors keys ("tooLarge:10", "fieldTwice"), the shared field rules with validation keys.
 */
export function useImportMessage(): (key: string) => string {
  const t = useTranslations("leadImport.errors");
  const validation = useValidationMessage();
  const say = t as unknown as ((key: string, values?: Record<string, number>) => string) & {
    has: (key: string) => boolean;
  };
  return (key) => {
    const [name, n] = key.split(":");
    if (!say.has(name)) return validation(key);
    return say(name, n === undefined ? undefined : { n: Number(n) });
  };
}
