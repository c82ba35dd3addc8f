"use client";
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { Field, inputAria } from "@/components/ui/field";
import { formatArea } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { heldUnitsToSignAction } from "@/lib/inventory/picker/actions";
import type { SignableUnit } from "@/lib/inventory/picker/schema";
import { areaInSqm } from "@/lib/listings/units";
import styles from "./sign-units.module.css";

export type ChosenUnit = { unitId: string; dealPrice: string };
export type SignedAreaSum = { value: string; unit: "SQM" | "MU" };

/** The chosen units' area: in 亩 when every one is a plot in 亩, else in m². */
export function signedAreaOf(units: readonly SignableUnit[]): SignedAreaSum | null {
  if (units.length === 0) return null;
  if (units.every((unit) => unit.areaUnit === "MU")) {
    const mu = units.reduce((sum, unit) => sum.plus(unit.area), areaInSqm(0, "MU"));
    return { value: mu.toDecimalPlaces(2).toString(), unit: "MU" };
  }
  const sqm = units.reduce((sum, unit) => sum.plus(areaInSqm(unit.area, unit.areaUnit)), areaInSqm(0, "SQM"));
  return { value: sqm.toDecimalPlaces(2).toString(), unit: "SQM" };
}

/**
 * The sign dialog's units step: the lead's held units, all ticked, each with its deal price prefilled
 * from the list price. Every change hands the chosen units (in the order shown) to the dialog, and a
 * change of which are ticked also their area, which the dialog puts in the signed area. With no held
 * units it shows nothing, and the dialog asks for the area as before.
 */
export function SignUnits({
  leadId,
  onChange,
  priceError,
  unitsError,
}: {
  leadId: string;
  onChange: (units: ChosenUnit[], area: SignedAreaSum | null) => void;
  /** the error key of the deal price at this position among the chosen units */
  priceError: (position: number) => string | undefined;
  unitsError: string | undefined;
}) {
  const t = useTranslations("inventory.sign");
  const unitWords = useTranslations("units");
  const locale = useLocale() as Locale;
  const [held, setHeld] = useState<SignableUnit[]>();
  const [failed, setFailed] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [prices, setPrices] = useState<Record<string, string>>({});

  useEffect(() => {
    let current = true;
    heldUnitsToSignAction({ leadId }).then(
      (answer) => {
        if (!current) return;
        if (!answer.ok) return setFailed(true);
        setHeld(answer.units);
        setTicked(new Set(answer.units.map((unit) => unit.id)));
        setPrices(Object.fromEntries(answer.units.map((unit) => [unit.id, unit.listPrice ?? ""])));
        const area = signedAreaOf(answer.units);
        onChange(
          answer.units.map((unit) => ({ unitId: unit.id, dealPrice: unit.listPrice ?? "" })),
          area,
        );
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
    // Read once per dialog: the dialog is mounted for one move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [leadId]);

  if (failed) return <p className="hint">{t("loadFailed")}</p>;
  if (!held) return <p role="status">{t("loading")}</p>;
  if (held.length === 0) return null;

  const update = (nextTicked: ReadonlySet<string>, nextPrices: Record<string, string>, areaChanged: boolean) => {
    setTicked(nextTicked);
    setPrices(nextPrices);
    const chosen = held.filter((unit) => nextTicked.has(unit.id));
    onChange(
      chosen.map((unit) => ({ unitId: unit.id, dealPrice: nextPrices[unit.id] ?? "" })),
      areaChanged ? signedAreaOf(chosen) : null,
    );
  };
  const chosenIds = held.filter((unit) => ticked.has(unit.id)).map((unit) => unit.id);

  return (
    <fieldset
      className={styles.signUnits}
      aria-describedby={unitsError ? "field-signedUnits-error" : "sign-units-hint"}
    >
      <legend>{t("legend")}</legend>
      <span className="hint" id="sign-units-hint">
        {t("hint")}
      </span>
      {held.map((unit) => {
        const position = chosenIds.indexOf(unit.id);
        const error = position >= 0 ? priceError(position) : undefined;
        const name = `signedUnitPrice-${unit.id}`;
        return (
          <div key={unit.id} className={styles.signUnit} data-unit={unit.id}>
            <label className="choice">
              <input
                type="checkbox"
                checked={ticked.has(unit.id)}
                onChange={(event) => {
                  const next = new Set(ticked);
                  if (event.target.checked) next.add(unit.id);
                  else next.delete(unit.id);
                  update(next, prices, true);
                }}
              />
              <span>
                {unit.label} ·{" "}
                {t("unitArea", {
                  area: formatArea(unit.area, unit.areaUnit, locale, {
                    units: { sqm: unitWords("sqm"), mu: unitWords("mu") },
                  }),
                })}
              </span>
            </label>
            {ticked.has(unit.id) && (
              <Field
                name={name}
                label={
                  unit.priceUnit
                    ? t("dealPriceIn", {
                        unit: unit.label,
                        priceUnit: unitWords(`priceUnit.${unit.priceUnit}`),
                      })
                    : t("dealPrice", { unit: unit.label })
                }
                errorKey={error}
              >
                <input
                  type="text"
                  inputMode="decimal"
                  value={prices[unit.id] ?? ""}
                  onChange={(event) => update(ticked, { ...prices, [unit.id]: event.target.value }, false)}
                  {...inputAria(name, error)}
                />
              </Field>
            )}
          </div>
        );
      })}
      <FieldError id="field-signedUnits-error" messageKey={unitsError} />
    </fieldset>
  );
}
