"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useRefusedStatus, type ActionAnswer, type FormStatus } from "@/components/forms/use-action-form";

/**
 * A button's step of an import (choose rows, start, cancel, undo, drop the file): the action runs,
 * a refusal is put in words, and on success the page is read again, since the job's state decides
 * what it shows.
 */
export function useImportStep() {
  const t = useTranslations("leadImport");
  const router = useRouter();
  const refused = useRefusedStatus();
  const [status, setStatus] = useState<FormStatus>();
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<ActionAnswer>, done?: string) =>
    new Promise<boolean>((resolve) => {
      setStatus(undefined);
      startTransition(async () => {
        let answer: ActionAnswer;
        try {
          answer = await action();
        } catch {
          answer = { ok: false, error: "unavailable" };
        }
        if (answer.ok) {
          if (done) setStatus({ ok: true, text: done });
          router.refresh();
        } else {
          setStatus(refused(answer, t("page.forbidden")));
          // A job another tab or the runner moved on: the page shows its new state.
          router.refresh();
        }
        resolve(answer.ok);
      });
    });

  return { run, status, pending };
}
