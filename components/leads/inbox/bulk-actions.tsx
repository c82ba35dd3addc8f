"use client";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { bulkLeadsAction } from "@/lib/leads/inbox/actions";
import { BULK_FORM_ID } from "./bulk-form-id";
import styles from "./inbox.module.css";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

interface Option {
  key: string;
  label: string;
}

/**
 * Bulk assign (shown to managers; the server checks again) and bulk stage change for the ticked
 * rows. A move into a lost stage asks for the reason, into the won stage for the signed figures.
 * Not on useActionForm: it is a form action on FormData (it works before scripts load), its ticked
 * rows are checkboxes in the table that join it by their form attribute, and the submit button
 * pressed says which of two intents runs — none of which react-hook-form's registered fields hold.
 */
export function BulkActions({
  canAssign,
  owners,
  stages,
  lostReasons,
}: {
  canAssign: boolean;
  owners: Option[];
  stages: (Option & { category: "OPEN" | "WON" | "LOST" })[];
  lostReasons: (Option & { askPark: boolean })[];
}) {
  const t = useTranslations("inbox");
  const units = useTranslations("units");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [state, action, pending] = useActionState(bulkLeadsAction, null);
  const [stageKey, setStageKey] = useState("");
  const [reasonKey, setReasonKey] = useState("");
  const [count, setCount] = useState(0);
  const errors = state && !state.ok && "fieldErrors" in state ? state.fieldErrors : {};
  const category = stages.find((stage) => stage.key === stageKey)?.category;
  const askPark = lostReasons.find((reason) => reason.key === reasonKey)?.askPark ?? Boolean(errors.lostToPark);
  const tv = (key?: string) => (key ? validation(key) : undefined);

  useEffect(() => {
    const boxes = () => document.querySelectorAll<HTMLInputElement>(`input[name="leadIds"][form="${BULK_FORM_ID}"]`);
    const recount = () => setCount([...boxes()].filter((box) => box.checked).length);
    if (state?.ok) boxes().forEach((box) => (box.checked = false));
    recount();
    document.addEventListener("change", recount);
    return () => document.removeEventListener("change", recount);
  }, [state]);

  // With scripts, submit by hand: a form action resets the form afterwards, and that would untick
  // every row (they belong to this form) even when the move was refused and needs one more field.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };

  let message = "";
  if (state?.ok) message = t(state.intent === "assign" ? "bulk.assigned" : "bulk.moved", { count: state.changed });
  else if (state && "error" in state) message = refusal(state, t("bulk.forbidden"));
  else if (errors.leadIds === "required") message = t("bulk.noneSelected");
  else if (state) message = tv(Object.values(errors)[0]) ?? "";

  return (
    <form
      id={BULK_FORM_ID}
      action={action}
      onSubmit={submit}
      className={`panel ${styles.bulk}`}
      data-selected={count > 0}
      aria-label={t("bulk.title")}
    >
      <p className={styles.selected} aria-live="polite">
        {t("bulk.selected", { count })}
      </p>
      {canAssign && (
        <div className={styles.bulkGroup}>
          <label htmlFor="bulk-owner">{t("bulk.assignTo")}</label>
          <select id="bulk-owner" name="ownerId" defaultValue="" aria-invalid={errors.ownerId ? true : undefined}>
            <option value="">{t("bulk.choose")}</option>
            <option value="pool">{t("bulk.toPool")}</option>
            {owners.map((owner) => (
              <option key={owner.key} value={owner.key}>
                {owner.label}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="assign" className="button secondary" disabled={pending}>
            {t("bulk.assign")}
          </button>
        </div>
      )}
      <div className={styles.bulkGroup}>
        <label htmlFor="bulk-stage">{t("bulk.moveTo")}</label>
        <select
          id="bulk-stage"
          name="toStageKey"
          value={stageKey}
          onChange={(event) => setStageKey(event.target.value)}
          aria-invalid={errors.toStageKey ? true : undefined}
        >
          <option value="">{t("bulk.choose")}</option>
          {stages.map((stage) => (
            <option key={stage.key} value={stage.key}>
              {stage.label}
            </option>
          ))}
        </select>
        {(category === "LOST" || errors.lostReasonKey) && (
          <>
            <label htmlFor="bulk-reason">{t("bulk.lostReason")}</label>
            <select
              id="bulk-reason"
              name="lostReasonKey"
              value={reasonKey}
              onChange={(event) => setReasonKey(event.target.value)}
              aria-invalid={errors.lostReasonKey ? true : undefined}
            >
              <option value="">{t("bulk.choose")}</option>
              {lostReasons.map((reason) => (
                <option key={reason.key} value={reason.key}>
                  {reason.label}
                </option>
              ))}
            </select>
            {askPark && (
              <>
                <label htmlFor="bulk-park">{t("bulk.lostToPark")}</label>
                <input
                  id="bulk-park"
                  type="text"
                  name="lostToPark"
                  maxLength={100}
                  aria-invalid={errors.lostToPark ? true : undefined}
                />
              </>
            )}
          </>
        )}
        {(category === "WON" || errors.signedArea || errors.signedAnnualTax) && (
          <>
            <label htmlFor="bulk-area">{t("bulk.signedArea")}</label>
            <input
              id="bulk-area"
              type="text"
              inputMode="decimal"
              name="signedArea"
              aria-invalid={errors.signedArea ? true : undefined}
            />
            <label htmlFor="bulk-unit">{t("bulk.signedAreaUnit")}</label>
            <select id="bulk-unit" name="signedAreaUnit" defaultValue="SQM">
              <option value="SQM">{units("sqm")}</option>
              <option value="MU">{units("mu")}</option>
            </select>
            <label htmlFor="bulk-tax">{t("bulk.signedAnnualTax")}</label>
            <input
              id="bulk-tax"
              type="text"
              inputMode="decimal"
              name="signedAnnualTax"
              aria-invalid={errors.signedAnnualTax ? true : undefined}
            />
          </>
        )}
        <button type="submit" name="intent" value="stage" className="button secondary" disabled={pending}>
          {t("bulk.move")}
        </button>
      </div>
      <FormMessage tone={state?.ok ? "ok" : "error"} answer={state}>
        {message}
      </FormMessage>
    </form>
  );
}
