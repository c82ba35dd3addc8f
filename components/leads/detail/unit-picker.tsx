"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useActionForm, useRefusedStatus, type FormStatus } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formatArea, formatDayTime, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import { holdUnitsAction } from "@/lib/inventory/holds/actions";
import type { TakenUnit } from "@/lib/inventory/holds/mutations";
import { MAX_UNITS_HELD_AT_ONCE } from "@/lib/inventory/holds/schema";
import { vacantUnitsAction } from "@/lib/inventory/picker/actions";
import { PICKER_LIMIT, pickerKinds, vacantUnitsSchema, type VacantUnit } from "@/lib/inventory/picker/schema";
import styles from "./lead-detail.module.css";
import own from "./lead-units.module.css";

/**
 * 锁定单元: a dialog listing the vacant units (the lead's park first) with a kind and area filter;
 * the chosen ones are held for the lead all at once or not at all. When another officer got one of
 * them first, it says who holds it until when, and the list is read again.
 */
export function UnitPicker({
  leadId,
  company,
  needKind,
}: {
  leadId: string;
  company: string;
  needKind: "FACTORY" | "OFFICE" | "LAND" | null;
}) {
  const t = useTranslations("inventory.leadPage");
  const kinds = useTranslations("kind");
  const units = useTranslations("units");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const refused = useRefusedStatus();
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<{ units: VacantUnit[]; more: boolean }>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [taken, setTaken] = useState<TakenUnit[]>([]);
  const [holding, startHolding] = useTransition();
  const [holdStatus, setHoldStatus] = useState<FormStatus>();
  const [done, setDone] = useState<FormStatus>();

  const { form, submit, status } = useActionForm({
    schema: vacantUnitsSchema,
    defaultValues: { leadId, kind: needKind ?? "", minArea: "", maxArea: "" },
    action: (_typed, parsed) => vacantUnitsAction(parsed),
    fields: ["kind", "minArea", "maxArea"],
    forbidden: t("forbidden"),
    failed: t("failed"),
    onSuccess: (answer) => {
      setFound({ units: answer.units, more: answer.more });
      // A unit no longer offered cannot stay chosen.
      setChosen((current) => new Set(answer.units.filter((unit) => current.has(unit.id)).map((unit) => unit.id)));
      return undefined;
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const toggle = (unitId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(unitId);
      else next.delete(unitId);
      return next;
    });

  const hold = () =>
    startHolding(async () => {
      setHoldStatus(undefined);
      setTaken([]);
      let answer: Awaited<ReturnType<typeof holdUnitsAction>>;
      try {
        answer = await holdUnitsAction({ leadId, unitIds: [...chosen] });
      } catch {
        setHoldStatus({ ok: false, text: t("failed") });
        return;
      }
      if (answer.ok) {
        const until = answer.held[0]?.expiresAt;
        setDone({
          ok: true,
          text: t("held", { count: answer.held.length, time: until ? formatDayTime(new Date(until), locale) : "" }),
        });
        setOpen(false);
        setChosen(new Set());
        setFound(undefined);
        router.refresh();
      } else if ("taken" in answer) {
        setTaken(answer.taken);
        setHoldStatus({ ok: false, text: t("takenIntro") });
        void submit();
      } else {
        setHoldStatus(refused(answer, t("forbidden"), []) ?? { ok: false, text: t("failed") });
      }
    });

  const groups = found
    ? [
        { key: "own", units: found.units.filter((unit) => unit.leadPark) },
        { key: "other", units: found.units.filter((unit) => !unit.leadPark) },
      ].filter((group) => group.units.length > 0)
    : [];
  const label = (unit: VacantUnit) => `${localized(locale, unit.buildingName, unit.buildingNameEn)} ${unit.number}`;
  const tooMany = chosen.size > MAX_UNITS_HELD_AT_ONCE;

  return (
    <>
      <FormMessage tone="ok" answer={done}>
        {done?.text}
      </FormMessage>
      <button
        ref={opener}
        type="button"
        className="button"
        onClick={() => {
          setDone(undefined);
          setHoldStatus(undefined);
          setTaken([]);
          setOpen(true);
          // Read each time the dialog opens, with the filter as last set; the filter button reads again.
          void submit();
        }}
      >
        {t("hold")}
      </button>
      <Dialog
        open={open}
        onOpenChange={(next) => !holding && setOpen(next)}
        title={t("pickerTitle", { company })}
        description={t("pickerHint")}
        returnFocus={opener}
        size="lg"
      >
        <form className={styles.form} onSubmit={submit} noValidate>
          <FormMessage tone="error" answer={status}>
            {status?.text}
          </FormMessage>
          <div className={own.filters}>
            <Field name="kind" label={t("kind")} errorKey={errors.kind?.message}>
              <select {...inputAria("kind", errors.kind?.message)} {...register("kind")}>
                <option value="">{t("anyKind")}</option>
                {pickerKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {kinds(kind)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="minArea" label={t("minArea")} errorKey={errors.minArea?.message}>
              <input
                type="text"
                inputMode="decimal"
                {...inputAria("minArea", errors.minArea?.message)}
                {...register("minArea")}
              />
            </Field>
            <Field name="maxArea" label={t("maxArea")} errorKey={errors.maxArea?.message}>
              <input
                type="text"
                inputMode="decimal"
                {...inputAria("maxArea", errors.maxArea?.message)}
                {...register("maxArea")}
              />
            </Field>
            <div>
              <button type="submit" className="button secondary" disabled={isSubmitting}>
                {t("filter")}
              </button>
            </div>
          </div>
        </form>
        <div className={styles.form}>
          <FormMessage tone="error" answer={holdStatus} as="div">
            {holdStatus?.text}
            {taken.length > 0 && (
              <ul className={own.taken}>
                {taken.map((unit) => (
                  <li key={unit.unitId}>
                    {unit.holderName && unit.heldUntil
                      ? t("takenBy", {
                          unit: unit.label,
                          holder: unit.holderName,
                          company: unit.leadCompany ?? t("someLead"),
                          time: formatDayTime(new Date(unit.heldUntil), locale),
                        })
                      : t("takenStatus", { unit: unit.label })}
                  </li>
                ))}
              </ul>
            )}
          </FormMessage>
          {!found ? (
            <p role="status">{t("loading")}</p>
          ) : groups.length === 0 ? (
            <p role="status">{t("empty")}</p>
          ) : (
            groups.map((group) => (
              <fieldset key={group.key} className={own.options}>
                <legend>
                  {group.key === "own"
                    ? t("ownPark", { park: localized(locale, group.units[0].parkName, group.units[0].parkNameEn) })
                    : t("otherParks")}
                </legend>
                {group.units.map((unit) => (
                  <label key={unit.id} className={own.option} data-unit={unit.id}>
                    <input
                      type="checkbox"
                      checked={chosen.has(unit.id)}
                      onChange={(event) => toggle(unit.id, event.target.checked)}
                    />
                    <span>
                      {label(unit)}
                      <small>
                        {[
                          group.key === "other" && localized(locale, unit.parkName, unit.parkNameEn),
                          kinds(unit.kind),
                          unit.floor !== null && t("floor", { floor: unit.floor }),
                          formatArea(unit.area, unit.areaUnit, locale, {
                            units: { sqm: units("sqm"), mu: units("mu") },
                          }),
                          unit.listPrice &&
                            unit.priceUnit &&
                            `${formatNumber(unit.listPrice, locale)} ${units(`priceUnit.${unit.priceUnit}`)}`,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </small>
                    </span>
                  </label>
                ))}
              </fieldset>
            ))
          )}
          {found?.more && <p className="hint">{t("more", { count: PICKER_LIMIT })}</p>}
          {tooMany && (
            <p className="field-error" role="alert">
              {t("tooMany", { count: MAX_UNITS_HELD_AT_ONCE })}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button" disabled={holding || chosen.size === 0 || tooMany} onClick={hold}>
              {holding ? t("holding") : t("holdChosen", { count: chosen.size })}
            </button>
            <button type="button" className="button secondary" disabled={holding} onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
