import { useTranslations } from "use-intl";

/**
 * The form-level text for an action's refusal (lib/auth/authed.ts asViewer): the database being
 * down says so — nothing was saved, try again — rather than the form's own "not allowed", which
 * would send people to ask for a permission they already have. `t` is the root translator.
 */
export function refusalText(
  t: (key: "errors.databaseUnsaved") => string,
  answer: { error?: string },
  forbidden: string,
): string {
  // "database_unavailable" is the 503 body of the route handlers the forms also fetch (photo uploads).
  return answer.error === "unavailable" || answer.error === "database_unavailable"
    ? t("errors.databaseUnsaved")
    : forbidden;
}

/** refusalText for a client component, which translates its own texts with its own namespace. */
export function useRefusalText(): (answer: { error?: string }, forbidden: string) => string {
  const t = useTranslations("errors");
  return (answer, forbidden) => refusalText(() => t("databaseUnsaved"), answer, forbidden);
}
