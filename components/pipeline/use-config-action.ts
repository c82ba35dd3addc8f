"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { useRefusalText } from "@/components/ui/refusal";

export type ConfigAnswer =
  { ok: true } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; error: "forbidden" | "unavailable" };

/**
 * Runs one of the pipeline settings actions and turns its answer into a status line. Field errors
 * a form can show beside its inputs go to `onFieldErrors`; the rest become the status line.
 */
export function useConfigAction() {
  const t = useTranslations("pipeline");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const message = (key?: string) => (key ? validation(key) : undefined);

  const run = (
    work: () => Promise<ConfigAnswer>,
    done: string,
    onFieldErrors?: (errors: Record<string, string>) => string[],
  ) =>
    new Promise<boolean>((resolve) =>
      startTransition(async () => {
        setStatus(undefined);
        const answer = await work();
        if (answer.ok) {
          setStatus({ ok: true, text: done });
          return resolve(true);
        }
        if ("error" in answer) setStatus({ ok: false, text: refusal(answer, t("settings.forbidden")) });
        else {
          const shown = onFieldErrors?.(answer.fieldErrors) ?? [];
          const rest = Object.entries(answer.fieldErrors).filter(([field]) => !shown.includes(field));
          if (rest.length) setStatus({ ok: false, text: message(rest[0][1]) ?? "" });
        }
        resolve(false);
      }),
    );

  return { pending, status, run, message };
}

/** A list's keys with the one at `index` moved one place up (-1) or down (+1). */
export function shifted(keys: string[], index: number, step: -1 | 1): string[] {
  const next = [...keys];
  const other = index + step;
  if (other < 0 || other >= next.length) return next;
  [next[index], next[other]] = [next[other], next[index]];
  return next;
}
