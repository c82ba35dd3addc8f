"use client";
import { useTransition } from "react";
import { useTranslations } from "use-intl";
import {
  useFormStatus,
  useRefusedStatus,
  type ActionAnswer,
  type SharedStatus,
} from "@/components/forms/use-action-form";

/**
 * The message a settings list shares between its rows' forms (useActionForm with `shared`) and its
 * buttons that are no form (reorder, remove, retire): `run` runs one such action and words its
 * answer as useActionForm would.
 */
export function useConfigAction(): SharedStatus & {
  pending: boolean;
  run: (work: () => Promise<ActionAnswer>, done: string) => Promise<boolean>;
} {
  const t = useTranslations("pipeline");
  const refused = useRefusedStatus();
  const shared = useFormStatus();
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<ActionAnswer>, done: string) =>
    new Promise<boolean>((resolve) =>
      startTransition(async () => {
        shared.setStatus(undefined);
        const answer = await work();
        shared.setStatus(answer.ok ? { ok: true, text: done } : refused(answer, t("settings.forbidden")));
        resolve(answer.ok);
      }),
    );

  return { ...shared, pending, run };
}

/** A list's keys with the one at `index` moved one place up (-1) or down (+1). */
export function shifted(keys: string[], index: number, step: -1 | 1): string[] {
  const next = [...keys];
  const other = index + step;
  if (other < 0 || other >= next.length) return next;
  [next[index], next[other]] = [next[other], next[index]];
  return next;
}
