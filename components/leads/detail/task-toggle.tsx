"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { setTaskDoneAction } from "@/lib/tasks/actions";
import styles from "./lead-detail.module.css";
import { useRefusalText } from "@/components/ui/refusal";

/** Completes an open follow-up or reopens a done one. */
export function TaskToggle({ taskId, done, title }: { taskId: string; done: boolean; title: string }) {
  const t = useTranslations("leadPage");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const label = done ? t("tasks.reopen") : t("tasks.complete");
  const toggle = () =>
    startTransition(async () => {
      setError(undefined);
      const answer = await setTaskDoneAction({ taskId, done: !done });
      if (answer.ok) return;
      if ("error" in answer) setError(refusal(answer, t("forbidden")));
      else setError(validation(Object.values(answer.fieldErrors)[0] ?? "invalid"));
    });
  return (
    <span className="row-actions">
      <button
        type="button"
        className={`button secondary ${styles.smallButton}`}
        onClick={toggle}
        disabled={pending}
        aria-label={`${label}: ${title}`}
      >
        {label}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
