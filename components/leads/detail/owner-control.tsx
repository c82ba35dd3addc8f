"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { assignLeadAction } from "@/lib/leads/assign/actions";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

/** A manager gives the lead to someone or returns it to the pool; it saves on choosing. */
export function OwnerControl({
  leadId,
  ownerId,
  assignees,
}: {
  leadId: string;
  ownerId: string | null;
  assignees: { id: string; name: string }[];
}) {
  const t = useTranslations("leadPage");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const change = (value: string) =>
    startTransition(async () => {
      const next = value || null;
      const answer = await assignLeadAction(leadId, next);
      if (answer.ok) {
        const name = assignees.find((user) => user.id === next)?.name;
        setMessage({ ok: true, text: name ? t("owner.assigned", { name }) : t("owner.returned") });
      } else if ("error" in answer) setMessage({ ok: false, text: refusal(answer, t("forbidden")) });
      else setMessage({ ok: false, text: validation(Object.values(answer.fieldErrors)[0] ?? "invalid") });
    });
  return (
    <div className="field">
      <label htmlFor="lead-owner">{t("owner.label")}</label>
      <select
        id="lead-owner"
        defaultValue={ownerId ?? ""}
        disabled={pending}
        onChange={(event) => change(event.target.value)}
      >
        <option value="">{t("owner.pool")}</option>
        {assignees.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
      <FormMessage tone={message?.ok ? "ok" : "error"} answer={message}>
        {message?.text}
      </FormMessage>
    </div>
  );
}
