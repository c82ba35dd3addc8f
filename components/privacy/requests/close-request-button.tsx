"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { closePrivacyRequestAction } from "@/lib/privacy/requests/actions";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

const OWN_ERRORS = ["notFound", "eraseToClose", "requestClosed"] as const;

/** An admin marks a withdrawal of consent done once they have acted on it; the list refreshes. */
export function CloseRequestButton({ requestId }: { requestId: string }) {
  const t = useTranslations("privacyRequests.list");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const close = () =>
    startTransition(async () => {
      const answer = await closePrivacyRequestAction({ requestId });
      if (answer.ok) return setMessage({ ok: true, text: t("closedNow") });
      if ("error" in answer) return setMessage({ ok: false, text: refusal(answer, t("forbidden")) });
      const key = Object.values(answer.fieldErrors)[0] ?? "invalid";
      const own = OWN_ERRORS.find((error) => error === key);
      setMessage({ ok: false, text: own ? t(`errors.${own}`) : validation(key) });
    });

  return (
    <>
      <button type="button" className="button secondary" disabled={pending} onClick={close}>
        {pending ? t("closing") : t("close")}
      </button>
      {message && (
        <FormMessage tone={message.ok ? "ok" : "error"} answer={message} as="span">
          {message.text}
        </FormMessage>
      )}
    </>
  );
}
