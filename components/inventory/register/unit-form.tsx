"use client";
import { useRouter } from "next/navigation";
import type { UseFormReturn } from "react-hook-form";
import { useTranslations } from "use-intl";
import type { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormStatus, SelectField, TextField } from "@/components/listings-admin/form-fields";
import { addFloorUnitsAction, createUnitAction, updateUnitAction } from "@/lib/inventory/register/actions";
import { floorUnitsSchema, unitSchema, type FloorUnitsInput, type UnitInput } from "@/lib/inventory/register/schema";
import { priceUnits } from "@/lib/listings/admin/schema";

/** What the unit forms need to know of their building. */
export interface UnitFormContext {
  buildingId: string;
  land: boolean;
  seesFloorPrice: boolean;
}

const UNIT_FIELDS = Object.keys(unitSchema.in.shape) as (keyof UnitInput & string)[];
const FLOOR_FIELDS = Object.keys(floorUnitsSchema.in.shape) as (keyof FloorUnitsInput & string)[];

type Form = UseFormReturn<UnitInput, unknown, z.output<typeof unitSchema>>;

/** Area, its unit (亩 only for land), list price, 底价 (managers only) and the unit the prices are in. */
function AreaAndPrices({ form, context }: { form: Form; context: UnitFormContext }) {
  const t = useTranslations("inventory.register.units");
  const units = useTranslations("units");
  const required = useTranslations("inquiry")("required");
  const common = { form };
  return (
    <>
      <div className="form-row two">
        <TextField {...common} name="area" label={t("area")} inputMode="decimal" required={required} />
        <SelectField
          {...common}
          name="areaUnit"
          label={t("areaUnit")}
          options={(context.land ? (["SQM", "MU"] as const) : (["SQM"] as const)).map((value) => ({
            value,
            label: value === "MU" ? units("mu") : units("sqm"),
          }))}
        />
      </div>
      <div className="form-row three">
        <TextField {...common} name="listPrice" label={t("listPrice")} inputMode="decimal" />
        {context.seesFloorPrice && (
          <TextField
            {...common}
            name="floorPrice"
            label={t("floorPrice")}
            hint={t("floorPriceHint")}
            inputMode="decimal"
          />
        )}
        <SelectField
          {...common}
          name="priceUnit"
          label={t("priceUnit")}
          placeholder={t("noPrice")}
          options={priceUnits.map((value) => ({ value, label: units(`priceUnit.${value}`) }))}
        />
      </div>
    </>
  );
}

/** Add a unit, or edit one carrying its version (a hold or edit since makes the save stale). */
export function UnitForm({
  context,
  defaults,
  target,
  onDone,
}: {
  context: UnitFormContext;
  defaults: UnitInput;
  target?: { id: string; version: number };
  onDone: (text: string) => void;
}) {
  const t = useTranslations("inventory.register.units");
  const required = useTranslations("inquiry")("required");
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: unitSchema,
    defaultValues: defaults,
    action: (raw) => {
      if (!target) return createUnitAction(raw);
      const fields: Partial<UnitInput> = { ...raw };
      delete fields.buildingId;
      // A staff member never sees the floor price, so their form holds none to send.
      if (!context.seesFloorPrice) delete fields.floorPrice;
      return updateUnitAction({ ...fields, ...target });
    },
    fields: UNIT_FIELDS,
    forbidden: t("forbidden"),
    failed: t("failed"),
    fieldErrorStatus: ({ other }, translate) => {
      if (other.some(([, key]) => key === "stale")) return { ok: false, text: t("stale") };
      return other.length > 0 ? { ok: false, text: translate(other[0][1]) } : undefined;
    },
    onSuccess: () => {
      router.refresh();
      onDone(t("saved"));
      return undefined;
    },
  });
  const common = { form };
  return (
    <form onSubmit={submit} noValidate data-testid="unit-form">
      <FormStatus status={status} />
      <div className="form-row two">
        <TextField {...common} name="floor" label={t("floor")} inputMode="numeric" />
        <TextField {...common} name="number" label={t("number")} required={required} />
      </div>
      <AreaAndPrices form={form} context={context} />
      <div className="actions">
        <button className="button" type="submit" disabled={form.formState.isSubmitting}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}

/** A floor's units at once: floor 3, units 301 to 306, 500 m² each. */
export function FloorUnitsForm({ context, onDone }: { context: UnitFormContext; onDone: (text: string) => void }) {
  const t = useTranslations("inventory.register.units");
  const required = useTranslations("inquiry")("required");
  const router = useRouter();
  const defaults: FloorUnitsInput = {
    buildingId: context.buildingId,
    floor: "",
    first: "",
    last: "",
    area: "",
    areaUnit: context.land ? "MU" : "SQM",
    listPrice: "",
    floorPrice: "",
    priceUnit: "",
  };
  const { form, submit, status } = useActionForm({
    schema: floorUnitsSchema,
    defaultValues: defaults,
    action: (raw) => addFloorUnitsAction(raw),
    fields: FLOOR_FIELDS,
    forbidden: t("forbidden"),
    failed: t("failed"),
    onSuccess: (answer) => {
      router.refresh();
      onDone(t("added", { count: answer.added }));
      return undefined;
    },
  });
  const common = { form };
  return (
    <form onSubmit={submit} noValidate data-testid="floor-units-form">
      <p className="meta">{t("addFloorHint")}</p>
      <FormStatus status={status} />
      <div className="form-row three">
        <TextField {...common} name="floor" label={t("floor")} inputMode="numeric" required={required} />
        <TextField {...common} name="first" label={t("first")} inputMode="numeric" required={required} />
        <TextField {...common} name="last" label={t("last")} inputMode="numeric" required={required} />
      </div>
      <AreaAndPrices form={form as unknown as Form} context={context} />
      <div className="actions">
        <button className="button" type="submit" disabled={form.formState.isSubmitting}>
          {t("addFloor")}
        </button>
      </div>
    </form>
  );
}
