"use client";
import { useEffect } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { useLocale, useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { fieldIds } from "@/components/ui/field";
import {
  areaUnitsFor,
  factoryTypes,
  priceUnitsFor,
  type ListingData,
  type ListingInput,
} from "@/lib/listings/admin/schema";
import { industries, type IndustryCode } from "@/lib/listings/industries";
import { deals, listingKinds } from "@/lib/listings/schema";
import { SelectField, TextAreaField, TextField } from "./form-fields";
import styles from "./listings-admin.module.css";

type Form = UseFormReturn<ListingInput, unknown, ListingData>;
interface SectionProps {
  form: Form;
}

export function BasicsSection({
  form,
  parks,
  creating,
}: SectionProps & { parks: { id: string; label: string }[]; creating: boolean }) {
  const t = useTranslations("listingsAdmin.form");
  const [kindName, factoryTypeName, dealName] = [
    useTranslations("kind"),
    useTranslations("factoryType"),
    useTranslations("deal"),
  ];
  const kind = useWatch({ control: form.control, name: "kind" });
  const common = { form };
  const required = useTranslations("inquiry")("required");
  return (
    <section className="form-section" aria-labelledby="listing-sectionBasics">
      <h2 id="listing-sectionBasics">{t("sectionBasics")}</h2>
      <SelectField
        {...common}
        name="parkId"
        label={t("park")}
        required={required}
        placeholder={t("choose")}
        options={parks.map((park) => ({ value: park.id, label: park.label }))}
      />
      <div className="form-row two">
        <TextField {...common} name="title" label={t("title")} required={required} />
        <TextField {...common} name="titleEn" label={t("titleEn")} hint={t("englishHint")} />
      </div>
      <div className="form-row three">
        <SelectField
          {...common}
          name="kind"
          label={t("kind")}
          required={required}
          options={listingKinds.map((value) => ({ value, label: kindName(value) }))}
        />
        {kind === "FACTORY" && (
          <SelectField
            {...common}
            name="factoryType"
            label={t("factoryType")}
            required={required}
            placeholder={t("choose")}
            options={factoryTypes.map((value) => ({ value, label: factoryTypeName(value) }))}
          />
        )}
        <SelectField
          {...common}
          name="deal"
          label={t("deal")}
          required={required}
          options={deals.map((value) => ({ value, label: dealName(value) }))}
        />
      </div>
      {creating && (
        <div className="form-row two">
          <label className={styles.check}>
            <input type="checkbox" {...form.register("published")} />
            {t("published")}
          </label>
        </div>
      )}
      <div className="form-row two">
        <TextField {...common} name="address" label={t("address")} />
        <TextField {...common} name="addressEn" label={t("addressEn")} hint={t("englishHint")} />
      </div>
    </section>
  );
}

export function AreaPriceSection({ form }: SectionProps) {
  const t = useTranslations("listingsAdmin.form");
  const units = useTranslations("units");
  const required = useTranslations("inquiry")("required");
  const [kind, deal, areaUnit, priceUnit] = useWatch({
    control: form.control,
    name: ["kind", "deal", "areaUnit", "priceUnit"],
  });
  const allowedAreaUnits = areaUnitsFor(kind ?? "FACTORY");
  const allowedPriceUnits = priceUnitsFor(kind ?? "FACTORY", deal ?? "SALE");
  const { setValue } = form;
  // Switching kind or deal: a unit that no longer fits moves to the first that does.
  useEffect(() => {
    if (areaUnit && !allowedAreaUnits.includes(areaUnit)) setValue("areaUnit", allowedAreaUnits[0]);
    if (priceUnit && !allowedPriceUnits.includes(priceUnit)) setValue("priceUnit", allowedPriceUnits[0]);
  }, [allowedAreaUnits, allowedPriceUnits, areaUnit, priceUnit, setValue]);
  const common = { form };
  return (
    <section className="form-section" aria-labelledby="listing-sectionAreaPrice">
      <h2 id="listing-sectionAreaPrice">{t("sectionAreaPrice")}</h2>
      <div className="form-row two">
        <TextField
          {...common}
          name="minSplitArea"
          label={t("minSplitArea")}
          hint={t("minSplitAreaHint")}
          inputMode="decimal"
        />
      </div>
      <div className="form-row two">
        <TextField {...common} name="price" label={t("price")} inputMode="decimal" required={required} />
        <SelectField
          {...common}
          name="priceUnit"
          label={t("priceUnit")}
          hint={t("priceHint")}
          options={allowedPriceUnits.map((value) => ({ value, label: units(`priceUnit.${value}`) }))}
        />
      </div>
      <TextField {...common} name="availableFrom" label={t("availableFrom")} type="date" />
    </section>
  );
}

export function SpecsSection({ form }: SectionProps) {
  const t = useTranslations("listingsAdmin.form");
  const locale = useLocale() === "en" ? "en" : "zh";
  const common = { form };
  const industriesError = form.formState.errors.industries?.message;
  return (
    <section className="form-section" aria-labelledby="listing-sectionSpecs">
      <h2 id="listing-sectionSpecs">{t("sectionSpecs")}</h2>
      <div className="form-row three">
        <TextField {...common} name="floorHeightM" label={t("floorHeight")} inputMode="decimal" />
        <TextField {...common} name="floorLoadKgPerSqm" label={t("floorLoad")} inputMode="numeric" />
        <TextField {...common} name="powerKva" label={t("power")} inputMode="numeric" />
      </div>
      <div className="form-row three">
        <TextField {...common} name="propertyTermYears" label={t("propertyTerm")} inputMode="numeric" />
        <TextField {...common} name="storeys" label={t("storeys")} inputMode="numeric" />
      </div>
      <div className="form-row two">
        <TextField {...common} name="landUseType" label={t("landUseType")} />
        <TextField {...common} name="landUseTypeEn" label={t("landUseTypeEn")} />
      </div>
      <div className="form-row two">
        <TextField {...common} name="structure" label={t("structure")} />
        <TextField {...common} name="structureEn" label={t("structureEn")} />
      </div>
      <fieldset className="field">
        <legend>{t("industries")}</legend>
        <div className={styles.checks}>
          {(Object.keys(industries) as IndustryCode[]).map((code) => (
            <label key={code} className={styles.check}>
              <input
                type="checkbox"
                value={code}
                aria-invalid={industriesError ? true : undefined}
                {...form.register("industries")}
              />
              {industries[code][locale]}
            </label>
          ))}
        </div>
        <FieldError id={fieldIds("industries").error} messageKey={industriesError} />
      </fieldset>
    </section>
  );
}

export function TextSection({ form }: SectionProps) {
  const t = useTranslations("listingsAdmin.form");
  const required = useTranslations("inquiry")("required");
  const common = { form };
  return (
    <section className="form-section" aria-labelledby="listing-sectionText">
      <h2 id="listing-sectionText">{t("sectionText")}</h2>
      <div className="form-row two">
        <TextAreaField {...common} name="highlights" label={t("highlights")} rows={4} />
        <TextAreaField {...common} name="highlightsEn" label={t("highlightsEn")} rows={4} />
      </div>
      <TextAreaField {...common} name="description" label={t("description")} required={required} rows={6} />
      <TextAreaField {...common} name="descriptionEn" label={t("descriptionEn")} hint={t("englishHint")} rows={6} />
    </section>
  );
}
