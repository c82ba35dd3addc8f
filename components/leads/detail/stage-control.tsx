"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { StageMoveDialog, type LostReasonOption, type StageMoveTarget } from "@/components/pipeline/stage-move-dialog";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import { FormMessage } from "@/components/ui/form-message";

/**
 * Moves the lead to another stage: choosing one opens the pipeline's move dialog, which asks what
 * a lost or signed stage needs and saves the move; cancelling leaves the stage as it was.
 */
export function StageControl({
  leadId,
  company,
  stageKey,
  stages,
  lostReasons,
}: {
  leadId: string;
  company: string;
  stageKey: string;
  stages: StageMoveTarget[];
  lostReasons: LostReasonOption[];
}) {
  const t = useTranslations("leadPage");
  const pipeline = useTranslations("pipeline");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [target, setTarget] = useState<StageMoveTarget>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  return (
    <div className="field">
      <label htmlFor="lead-stage-move">{t("stage.label")}</label>
      <select
        id="lead-stage-move"
        value={target?.key ?? stageKey}
        onChange={(event) => {
          setMessage(undefined);
          setTarget(stages.find((stage) => stage.key === event.target.value && stage.key !== stageKey));
        }}
      >
        {stages.map((stage) => (
          <option key={stage.key} value={stage.key}>
            {localized(locale, stage.name, stage.nameEn)}
          </option>
        ))}
      </select>
      <FormMessage tone={message?.ok ? "ok" : "error"} answer={message}>
        {message?.text}
      </FormMessage>
      {target && (
        <StageMoveDialog
          leadId={leadId}
          leadLabel={company}
          fromStageKey={stageKey}
          toStage={target}
          lostReasons={lostReasons}
          onDone={() => {
            setMessage({
              ok: true,
              text: pipeline("move.moved", { company, stage: localized(locale, target.name, target.nameEn) }),
            });
            setTarget(undefined);
            router.refresh();
          }}
          onCancel={() => setTarget(undefined)}
          onRefused={(text) => {
            setMessage({ ok: false, text });
            setTarget(undefined);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}
