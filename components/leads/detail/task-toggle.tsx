"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { validationMessage } from "@/lib/i18n/validation";
import { setTaskDoneAction } from "@/lib/tasks/actions";
import styles from "./lead-detail.module.css";
import { refusalText } from "@/components/ui/refusal";

/** Completes an open follow-up or reopens a done one. */
export function TaskToggle({ taskId, done, title }: { taskId: string; done: boolean; title: string }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const label = done ? t("leadPage.tasks.reopen") : t("leadPage.tasks.complete");
  const toggle = () =>
    startTransition(async () => {
      setError(undefined);
      const answer = await setTaskDoneAction({ taskId, done: !done });
      if (answer.ok) return;
      if ("error" in answer) setError(refusalText(t, answer, t("leadPage.forbidden")));
      else setError(validationMessage((k, v) => t(k as never, v as never), Object.values(answer.fieldErrors)[0] ?? "invalid"));
    });
  return (
    <span className="row-actions">
      <button type="button" className={`button secondary ${styles.smallButton}`} onClick={toggle} disabled={pending} aria-label={`${label}: ${title}`}>
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
