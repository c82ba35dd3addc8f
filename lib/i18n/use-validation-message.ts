import { useTranslations } from "use-intl";
import { validationMessage } from "./validation";

/**
 * A client component's reading of a schema's message key ("tooLong:100") in the page's language.
 * Components translate their own texts with their own namespace; this one reads "validation".
 */
export function useValidationMessage(): (key: string) => string {
  const t = useTranslations("validation");
  return (key) =>
    validationMessage((path, values) => t(path.replace(/^validation\./, "") as never, values as never), key);
}
