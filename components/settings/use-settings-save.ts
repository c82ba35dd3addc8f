"use client";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { useTranslations } from "use-intl";
import { validationMessage } from "@/lib/i18n/validation";
import type { SettingsResult } from "@/lib/settings/mutations";

type Answer = SettingsResult | { ok: false; error: "forbidden" };

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
      setStatus({ ok: false, text: t("rules.forbidden") });
    } else {
      Object.entries(answer.fieldErrors).forEach(([field, key], index) =>
        setError(field as Path<T>, { type: "server", message: key }, { shouldFocus: index === 0 }),
      );
    }
  }

  return { status, save, message };
}
