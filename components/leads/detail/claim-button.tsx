"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { claimLeadAction } from "@/lib/leads/assign/actions";
import { validationMessage } from "@/lib/i18n/validation";
import { FormMessage } from "@/components/ui/form-message";
import { refusalText } from "@/components/ui/refusal";

/** Takes a pool lead: it becomes the viewer's, and its phone shows in full after the refresh. */
export function ClaimButton({ leadId }: { leadId: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const claim = () =>
    startTransition(async () => {
      const answer = await claimLeadAction(leadId);
      if (answer.ok) setMessage({ ok: true, text: t("leadPage.contact.claimed") });
      else if ("error" in answer) setMessage({ ok: false, text: refusalText(t, answer, t("leadPage.forbidden")) });
      else setMessage({ ok: false, text: validationMessage((k, v) => t(k as never, v as never), Object.values(answer.fieldErrors)[0] ?? "invalid") });
    });
  return (
    <div className="row-actions">
      <button type="button" className="button" onClick={claim} disabled={pending}>
        {t("leadPage.contact.claim")}
      </button>
      <FormMessage tone={message?.ok ? "ok" : "error"} answer={message}>
        {message?.text}
      </FormMessage>
    </div>
  );
}
