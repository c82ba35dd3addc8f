"use client";
import { useActionState } from "react";
import { useTranslations } from "use-intl";
import { validationMessage } from "@/lib/i18n/validation";
import { claimFromInboxAction } from "@/lib/leads/inbox/actions";
import { FormMessage } from "@/components/ui/form-message";
import { refusalText } from "@/components/ui/refusal";

/** "Unassigned" with a button to take the lead from the pool; a plain form post without JavaScript. */
export function ClaimForm({ leadId, label }: { leadId: string; label: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(claimFromInboxAction, null);
  let message = "";
  if (state?.ok) message = t("inbox.claimed");
  else if (state && "error" in state) message = refusalText(t, state, t("inbox.bulk.forbidden"));
  else if (state) message = validationMessage((k, v) => t(k as never, v as never), Object.values(state.fieldErrors)[0] ?? "invalid");
  return (
    <form action={action} className="row-actions">
      <span>{label}</span>
      <input type="hidden" name="leadId" value={leadId} />
      <button type="submit" className="button secondary" disabled={pending}>
        {t("inbox.claim")}
      </button>
      <FormMessage tone={state?.ok ? "ok" : "error"} answer={state} as="span">
        {message}
      </FormMessage>
    </form>
  );
}
