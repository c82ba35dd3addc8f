"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useRefusedStatus, type ActionAnswer, type FormStatus } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { formatDayTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { moveInAction, releaseHoldAction, renewHoldAction } from "@/lib/inventory/holds/actions";
import styles from "./lead-detail.module.css";

/** Renew or release one held unit, or move a signed one in; releasing asks first. */
export function LeadUnitActions({
  unit,
  canRenew,
  canRelease,
  canMoveIn,
}: {
  unit: { id: string; label: string; status: string };
  canRenew: boolean;
  canRelease: boolean;
  canMoveIn: boolean;
}) {
  const t = useTranslations("inventory.leadPage");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const refused = useRefusedStatus();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<FormStatus>();
  const [confirming, setConfirming] = useState(false);
  if (!canRenew && !canRelease && !canMoveIn) return null;

  const run = <Answer extends ActionAnswer>(
    action: () => Promise<Answer>,
    said: (answer: Extract<Answer, { ok: true }>) => string,
  ) =>
    startTransition(async () => {
      setStatus(undefined);
      let answer: Answer;
      try {
        answer = await action();
      } catch {
        setStatus({ ok: false, text: t("failed") });
        return;
      }
      if (answer.ok) {
        setStatus({ ok: true, text: said(answer as Extract<Answer, { ok: true }>) });
        setConfirming(false);
        router.refresh();
      } else {
        // The refusal shows beside the buttons, so the dialog that asked must not cover it.
        setConfirming(false);
        setStatus(
          refused(answer as Exclude<ActionAnswer, { ok: true }>, t("forbidden")) ?? { ok: false, text: t("failed") },
        );
      }
    });

  const button = `button secondary ${styles.smallButton}`;
  return (
    <div className="row-actions">
      {canRenew && (
        <button
          type="button"
          className={button}
          disabled={pending}
          aria-label={t("renewLabel", { unit: unit.label })}
          onClick={() =>
            run(
              () => renewHoldAction({ unitId: unit.id }),
              (answer) => t("renewed", { unit: unit.label, time: formatDayTime(new Date(answer.expiresAt), locale) }),
            )
          }
        >
          {t("renew")}
        </button>
      )}
      {canMoveIn && (
        <button
          type="button"
          className={button}
          disabled={pending}
          aria-label={t("moveInLabel", { unit: unit.label })}
          onClick={() =>
            run(
              () => moveInAction({ unitIds: [unit.id] }),
              () => t("movedIn", { unit: unit.label }),
            )
          }
        >
          {t("moveIn")}
        </button>
      )}
      {canRelease && (
        <Dialog
          open={confirming}
          onOpenChange={(open) => !pending && setConfirming(open)}
          title={t("releaseTitle", { unit: unit.label })}
          description={t("releaseText")}
          trigger={
            <button type="button" className={button} aria-label={t("releaseLabel", { unit: unit.label })}>
              {t("release")}
            </button>
          }
        >
          <div className="row-actions">
            <button
              type="button"
              className="button danger"
              disabled={pending}
              onClick={() =>
                run(
                  () => releaseHoldAction({ unitId: unit.id }),
                  () => t("released", { unit: unit.label }),
                )
              }
            >
              {t("releaseConfirm")}
            </button>
            <button type="button" className="button secondary" disabled={pending} onClick={() => setConfirming(false)}>
              {t("keep")}
            </button>
          </div>
        </Dialog>
      )}
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status} as="span">
        {status?.text}
      </FormMessage>
    </div>
  );
}
