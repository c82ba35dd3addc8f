"use client";
import { useState } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { useTranslations } from "use-intl";
import { validationMessage } from "@/lib/i18n/validation";
import type { SettingsResult } from "@/lib/settings/mutations";
import { showServerErrors } from "@/components/ui/server-errors";
import { refusalText } from "@/components/ui/refusal";

type Answer = SettingsResult | { ok: false; error: "forbidden" | "unavailable" };

/** Saves a settings form through its action and turns the answer into a status line and field errors. */
export function useSettingsSave<T extends FieldValues>(setError: UseFormSetError<T>) {
  const t = useTranslations();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const message = (key?: string) => (key ? validationMessage((k, v) => t(k as never, v as never), key) : undefined);

  async function save(work: () => Promise<Answer>) {
    setStatus(undefined);
    const answer = await work();
    if (answer.ok) {
      const text = !answer.changed
        ? t("rules.unchanged")
        : answer.rescored !== undefined
          ? t("rules.rescored", { count: answer.rescored })
          : t("rules.saved");
      setStatus({ ok: true, text });
    } else if ("error" in answer) {
      setStatus({ ok: false, text: refusalText(t, answer, t("rules.forbidden")) });
    } else {
      showServerErrors(setError, answer.fieldErrors);
    }
  }

  return { status, save, message };
}
