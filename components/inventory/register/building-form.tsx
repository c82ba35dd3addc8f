"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { FormStatus, SelectField, TextField } from "@/components/listings-admin/form-fields";
import { createBuildingAction, deleteBuildingAction, updateBuildingAction } from "@/lib/inventory/register/actions";
import { buildingSchema, type BuildingInput } from "@/lib/inventory/register/schema";
import { factoryTypes } from "@/lib/listings/admin/schema";
import { listingKinds } from "@/lib/listings/schema";

const FIELDS = Object.keys(buildingSchema.in.shape) as (keyof BuildingInput & string)[];

/**
 * Create a building in a park, or edit one carrying its updatedAt so a concurrent change is reported
 * instead of overwritten. Editing, it also offers removal (refused while the building has units).
 */
export function BuildingForm({
  defaults,
  target,
}: {
  defaults: BuildingInput;
  target?: { id: string; updatedAt: string; name: string; removable: boolean };
}) {
  const t = useTranslations("inventory.register.building");
  const [kindName, factoryTypeName] = [useTranslations("kind"), useTranslations("factoryType")];
  const required = useTranslations("inquiry")("required");
  const router = useRouter();
  const validation = useValidationMessage();
  const [token, setToken] = useState(target?.updatedAt);
  const summary = (count: number) => t("errorsSummary", { count });
  const { form, submit, status, setStatus } = useActionForm({
    schema: buildingSchema,
    defaultValues: defaults,
    // The raw input goes to the server, which parses it with the same schema.
    action: (raw) => {
      if (!target) return createBuildingAction(raw);
      const fields: Partial<BuildingInput> = { ...raw };
      delete fields.parkId;
      return updateBuildingAction({ ...fields, id: target.id, updatedAt: token });
    },
    fields: FIELDS,
    forbidden: t("forbidden"),
    failed: t("failed"),
    onInvalid: (errors) => summary(Object.keys(errors).length),
    fieldErrorStatus: ({ placed, other }, translate) => {
      if (other.some(([, key]) => key === "stale")) return { ok: false, text: t("stale"), stale: true };
      if (other.length > 0) return { ok: false, text: translate(other[0][1]) };
      return { ok: false, text: summary(placed.length) };
    },
    onSuccess: (answer, raw) => {
      if (!target) {
        router.push(`/crm/inventory/buildings/${answer.id}?created=1`);
        return undefined;
      }
      setToken(answer.updatedAt);
      form.reset(raw);
      router.refresh();
      return t("saved");
    },
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const [removing, setRemoving] = useState(false);

  const remove = async () => {
    if (!target || !window.confirm(t("removeConfirm", { name: target.name }))) return;
    setRemoving(true);
    const answer = await deleteBuildingAction({ id: target.id });
    setRemoving(false);
    if (answer.ok) router.push("/crm/inventory");
    else if ("error" in answer) setStatus({ ok: false, text: t("forbidden") });
    else setStatus({ ok: false, text: validation(Object.values(answer.fieldErrors)[0] ?? "invalid") });
  };

  const common = { form };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="building-form">
      <FormStatus status={status}>
        {status?.stale && (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => window.location.reload()}>
              {t("reload")}
            </button>
          </>
        )}
      </FormStatus>
      <section className="form-section" aria-labelledby="building-section">
        <h2 id="building-section">{t("title")}</h2>
        <div className="form-row two">
          <TextField {...common} name="name" label={t("name")} hint={t("nameHint")} required={required} />
          <TextField {...common} name="nameEn" label={t("nameEn")} hint={t("englishHint")} />
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
          <TextField {...common} name="storeys" label={t("storeys")} inputMode="numeric" />
        </div>
        <div className="form-row two">
          <TextField {...common} name="structure" label={t("structure")} />
          <TextField {...common} name="structureEn" label={t("structureEn")} />
        </div>
        <div className="form-row three">
          <TextField {...common} name="floorHeightM" label={t("floorHeight")} inputMode="decimal" />
          <TextField {...common} name="floorLoadKgPerSqm" label={t("floorLoad")} inputMode="numeric" />
          <TextField {...common} name="powerKva" label={t("power")} inputMode="numeric" />
        </div>
        <div className="form-row three">
          <TextField {...common} name="completionYear" label={t("completionYear")} inputMode="numeric" />
          <TextField {...common} name="propertyTermYears" label={t("propertyTerm")} inputMode="numeric" />
          <TextField {...common} name="position" label={t("position")} hint={t("positionHint")} inputMode="numeric" />
        </div>
      </section>
      <div className="actions">
        <button className="button" type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("saving") : target ? t("save") : t("create")}
        </button>
        {target?.removable && (
          <button type="button" className="button secondary" disabled={removing} onClick={remove}>
            {t("remove")}
          </button>
        )}
      </div>
    </form>
  );
}
