"use client";
import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { claimFromInboxAction } from "@/lib/leads/inbox/actions";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

/**
 * A button to take the lead from the pool (after `label`, when given); a plain form post without
 * JavaScript. In a list of leads, `company` names the lead the button claims.
 */
export function ClaimForm({ leadId, label, company }: { leadId: string; label?: string; company?: string }) {
  const t = useTranslations("inbox");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [state, action, pending] = useActionState(claimFromInboxAction, null);
  let message = "";
  if (state?.ok) message = t("claimed");
  else if (state && "error" in state) message = refusal(state, t("bulk.forbidden"));
  else if (state) message = validation(Object.values(state.fieldErrors)[0] ?? "invalid");
  return (
    <form action={action} className="row-actions">
      {label && <span>{label}</span>}
      <input type="hidden" name="leadId" value={leadId} />
      <button
        type="submit"
        className="button secondary"
        disabled={pending}
        aria-label={company ? `${t("claim")} ${company}` : undefined}
      >
        {t("claim")}
      </button>
      <FormMessage tone={state?.ok ? "ok" : "error"} answer={state} as="span">
        {message}
      </FormMessage>
    </form>
  );
}
