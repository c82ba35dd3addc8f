"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { setUserAwayAction } from "@/lib/users/actions";
import styles from "./dashboard.module.css";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

/**
 * The signed-in user's own away switch: away, round-robin (and the park-owner rule) gives them no new
 * leads. `status` is the sentence that says what that means for their role, written by the page.
 */
export function AwayToggle({ userId, away, status }: { userId: string; away: boolean; status: string }) {
  const t = useTranslations("rules");
  const refusal = useRefusalText();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState<string>();
  const toggle = () =>
    startTransition(async () => {
      setFailed(undefined);
      const answer = await setUserAwayAction({ userId, away: !away });
      if (!answer.ok) setFailed("error" in answer ? refusal(answer, t("forbidden")) : t("forbidden"));
    });
  return (
    <div className={`row-actions ${styles.away}`} data-away={away}>
      <span>{status}</span>
      <button type="button" className="button secondary" disabled={pending} onClick={toggle}>
        {away ? t("away.markBack") : t("away.markAway")}
      </button>
      <FormMessage tone="error" answer={failed}>
        {failed}
      </FormMessage>
    </div>
  );
}
