"use client";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import type { SettingsResult } from "@/lib/settings/mutations";
import { showServerErrors } from "@/components/ui/server-errors";
import { useRefusalText } from "@/components/ui/refusal";

type Answer = SettingsResult | { ok: false; error: "forbidden" | "unavailable" };

/** Saves a settings form through its action and turns the answer into a status line and field errors. */
export function useSettingsSave<T extends FieldValues>(setError: UseFormSetError<T>) {
  const t = useTranslations("rules");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const message = (key?: string) => (key ? validation(key) : undefined);

  async function save(work: () => Promise<Answer>) {
    setStatus(undefined);
    const answer = await work();
    if (answer.ok) {
      const text = !answer.changed
        ? t("unchanged")
        : answer.rescored !== undefined
          ? t("rescored", { count: answer.rescored })
          : t("saved");
      setStatus({ ok: true, text });
    } else if ("error" in answer) {
      setStatus({ ok: false, text: refusal(answer, t("forbidden")) });
    } else {
      showServerErrors(setError, answer.fieldErrors);
    }
  }

  return { status, save, message };
}
