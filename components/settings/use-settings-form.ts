"use client";
import type { FieldValues } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useActionForm, type ActionFormOptions, type ActionAnswer } from "@/components/forms/use-action-form";

/** A saved settings section answers whether anything changed, and how many leads a new score rule re-scored. */
type SettingsAnswer = Exclude<ActionAnswer, { ok: true }> | { ok: true; changed: boolean; rescored?: number };
type Section<Input extends FieldValues, Output, Answer extends SettingsAnswer> =
  ActionFormOptions<Input, Output, Answer> extends infer Options
    ? Options extends unknown
      ? Omit<Options, "forbidden" | "onSuccess">
      : never
    : never;

/**
 * useActionForm for a section of the rules page: every section says "not allowed", "saved",
 * "nothing changed" or "N leads re-scored" in the same words.
 */
export function useSettingsForm<Input extends FieldValues, Output, Answer extends SettingsAnswer>(
  options: Section<Input, Output, Answer>,
) {
  const t = useTranslations("rules");
  return useActionForm<Input, Output, Answer>({
    ...options,
    forbidden: t("forbidden"),
    onSuccess: (answer: { changed: boolean; rescored?: number }) => {
      if (!answer.changed) return t("unchanged");
      return answer.rescored !== undefined ? t("rescored", { count: answer.rescored }) : t("saved");
    },
  });
}
