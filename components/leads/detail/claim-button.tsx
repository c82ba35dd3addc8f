"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { claimLeadAction } from "@/lib/leads/assign/actions";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

/** Takes a pool lead: it becomes the viewer's, and its phone shows in full after the refresh. */
export function ClaimButton({ leadId }: { leadId: string }) {
  const t = useTranslations("leadPage");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const claim = () =>
    startTransition(async () => {
      const answer = await claimLeadAction(leadId);
      if (answer.ok) setMessage({ ok: true, text: t("contact.claimed") });
      else if ("error" in answer) setMessage({ ok: false, text: refusal(answer, t("forbidden")) });
      else setMessage({ ok: false, text: validation(Object.values(answer.fieldErrors)[0] ?? "invalid") });
    });
  return (
    <div className="row-actions">
      <button type="button" className="button" onClick={claim} disabled={pending}>
        {t("contact.claim")}
      </button>
      <FormMessage tone={message?.ok ? "ok" : "error"} answer={message}>
        {message?.text}
      </FormMessage>
    </div>
  );
}
