"use client";
import { useEffect, useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { useLocale, useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { fieldIds } from "@/components/ui/field";
import { unitChoicesAction } from "@/lib/inventory/offers/actions";
import type { UnitChoice } from "@/lib/inventory/offers/queries";
import type { ListingData, ListingInput } from "@/lib/listings/admin/schema";
import { SelectField, TextField } from "./form-fields";
import styles from "./listings-admin.module.css";

type Form = UseFormReturn<ListingInput, unknown, ListingData>;
type Choices = { units: UnitChoice[]; more: boolean; buildings: { id: string; name: string; nameEn: string }[] };

const SQM_PER_MU = 10_000 / 15;

/**
 * The units the listing offers, picked from its park's units that no other listing offers, grouped
 * by building with area and status. Creating with none ticked, one unit of the typed area is made
 * (in a chosen building or a new one named after the listing). Editing, the figures read back from
 * the units are shown, never typed.
 */
export function UnitsSection({
  form,
  listingId,
  figures,
}: {
  form: Form;
  listingId?: string;
  figures?: { area: string; availableArea: string };
}) {
  const t = useTranslations("listingsAdmin.form");
  const unitWords = useTranslations("units");
  const statusWord = useTranslations("vocabulary.unitStatus");
  const english = useLocale() === "en";
  const [parkId, chosen, kind] = useWatch({ control: form.control, name: ["parkId", "unitIds", "kind"] });
  // The answer is kept with the park it is for: while another park's is awaited, the form says so.
  const [loaded, setLoaded] = useState<{ parkId: string; choices: Choices | "failed" }>();

  useEffect(() => {
    if (!parkId) return;
    let current = true;
    const keep = (choices: Choices | "failed") => current && setLoaded({ parkId, choices });
    unitChoicesAction({ parkId, listingId: listingId ?? "" })
      .then((answer) => keep(answer.ok ? answer : "failed"))
      .catch(() => keep("failed"));
    return () => {
      current = false;
    };
  }, [parkId, listingId]);
  const choices = !parkId ? undefined : loaded?.parkId === parkId ? loaded.choices : "loading";

  const area = (value: string | number, unit: "SQM" | "MU") =>
    `${Number(value).toLocaleString(english ? "en" : "zh-CN", { maximumFractionDigits: 2 })} ${
      unit === "MU" ? unitWords("mu") : unitWords("sqm")
    }`;
  const units = typeof choices === "object" ? choices.units : [];
  const picked = units.filter((unit) => (chosen ?? []).includes(unit.id));
  const pickedSqm = picked.reduce(
    (sum, unit) => sum + Number(unit.area) * (unit.areaUnit === "MU" ? SQM_PER_MU : 1),
    0,
  );
  const byBuilding = new Map<string, UnitChoice[]>();
  for (const unit of units) byBuilding.set(unit.buildingId, [...(byBuilding.get(unit.buildingId) ?? []), unit]);
  const error = form.formState.errors.unitIds?.message;

  return (
    <section className="form-section" aria-labelledby="listing-sectionUnits">
      <h2 id="listing-sectionUnits">{t("sectionUnits")}</h2>
      {figures && (
        <p className="meta" data-testid="listing-figures">
          {t("figures", {
            area: area(figures.area, form.getValues("areaUnit")),
            available: area(figures.availableArea, form.getValues("areaUnit")),
          })}
        </p>
      )}
      <fieldset className="field" aria-describedby={fieldIds("unitIds").error}>
        <legend>{t("unitsHint")}</legend>
        {!parkId && <p className="meta">{t("unitsChoosePark")}</p>}
        {choices === "loading" && <p className="meta">{t("unitsLoading")}</p>}
        {choices === "failed" && <p className="field-error">{t("unitsFailed")}</p>}
        {typeof choices === "object" && units.length === 0 && <p className="meta">{t("unitsNone")}</p>}
        {typeof choices === "object" && choices.more && (
          <p className="meta">{t("unitsMore", { count: units.length })}</p>
        )}
        {[...byBuilding.entries()].map(([buildingId, rows]) => (
          <fieldset key={buildingId} className="field">
            <legend>{english && rows[0].buildingNameEn ? rows[0].buildingNameEn : rows[0].buildingName}</legend>
            <div className={styles.checks}>
              {rows.map((unit) => (
                <label key={unit.id} className={styles.check}>
                  <input type="checkbox" value={unit.id} {...form.register("unitIds")} />
                  {t("unitLabel", {
                    number: unit.floor === null ? unit.number : `${unit.floor}F ${unit.number}`,
                    area: area(unit.area, unit.areaUnit),
                    status: statusWord(unit.status),
                  })}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {picked.length > 0 && (
          <p className="meta" role="status">
            {t("unitsChosen", { count: picked.length, area: area(pickedSqm, "SQM") })}
          </p>
        )}
        <FieldError id={fieldIds("unitIds").error} messageKey={error} />
      </fieldset>
      {!listingId && picked.length === 0 && (
        <NewUnitFields form={form} kind={kind} buildings={typeof choices === "object" ? choices.buildings : []} />
      )}
    </section>
  );
}

/** A listing created without units gets one unit of this area, in a chosen building or a new one. */
function NewUnitFields({
  form,
  kind,
  buildings,
}: {
  form: Form;
  kind: ListingInput["kind"] | undefined;
  buildings: { id: string; name: string; nameEn: string }[];
}) {
  const t = useTranslations("listingsAdmin.form");
  const units = useTranslations("units");
  const english = useLocale() === "en";
  const required = useTranslations("inquiry")("required");
  const areaUnits = kind === "LAND" ? (["SQM", "MU"] as const) : (["SQM"] as const);
  const common = { form };
  return (
    <fieldset className="field">
      <legend>{t("newUnit")}</legend>
      <p className="meta">{t("newUnitHint")}</p>
      <div className="form-row three">
        <TextField {...common} name="area" label={t("area")} inputMode="decimal" required={required} />
        <SelectField
          {...common}
          name="areaUnit"
          label={t("areaUnit")}
          options={areaUnits.map((value) => ({ value, label: value === "MU" ? units("mu") : units("sqm") }))}
        />
        <SelectField
          {...common}
          name="buildingId"
          label={t("building")}
          placeholder={t("newBuilding")}
          options={buildings.map((building) => ({
            value: building.id,
            label: english && building.nameEn ? building.nameEn : building.name,
          }))}
        />
      </div>
    </fieldset>
  );
}
