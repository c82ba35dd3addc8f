"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { createParkAction, updateParkAction } from "@/lib/parks/actions";
import { parkSchema, type ParkInput } from "@/lib/parks/schema";
import { FormStatus, SelectField, TextAreaField, TextField } from "./form-fields";

const FIELDS = Object.keys(parkSchema.shape) as (keyof ParkInput & string)[];

/** The admin's park form: create, or edit carrying the park's updatedAt so a concurrent change is reported. */
export function ParkForm({
  defaults,
  owners,
  target,
}: {
  defaults: ParkInput;
  owners: { id: string; name: string; active: boolean }[];
  target?: { id: string; updatedAt: string };
}) {
  const t = useTranslations("listingsAdmin");
  const tf = useTranslations("listingsAdmin.parks.form");
  const required = useTranslations("inquiry")("required");
  const router = useRouter();
  const [token, setToken] = useState(target?.updatedAt);
  const summary = (count: number) => t("form.errorsSummary", { count });
  const { form, submit, status } = useActionForm({
    schema: parkSchema,
    defaultValues: defaults,
    // The raw input goes to the server, which parses it with the same schema.
    action: (raw) => (target ? updateParkAction({ ...raw, id: target.id, updatedAt: token }) : createParkAction(raw)),
    fields: FIELDS,
    forbidden: t("form.forbidden"),
    onInvalid: (errors) => summary(Object.keys(errors).length),
    fieldErrorStatus: ({ placed, other }, translate) => {
      if (other.length > 0) return { ok: false, text: other[0][1] === "stale" ? tf("stale") : translate(other[0][1]) };
      return { ok: false, text: summary(placed.length) };
    },
    onSuccess: (answer, raw) => {
      if (!target) {
        router.push(`/crm/listings/parks/${answer.id}?created=1`);
        return undefined;
      }
      setToken(answer.updatedAt);
      form.reset(raw);
      router.refresh();
      return tf("saved");
    },
  });

  const common = { form };
  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="park-form">
      <FormStatus status={status} />
      <div className="form-section">
        <TextField {...common} name="slug" label={tf("slug")} hint={tf("slugHint")} required={required} />
        <div className="form-row two">
          <TextField {...common} name="name" label={tf("name")} required={required} />
          <TextField {...common} name="nameEn" label={tf("nameEn")} />
        </div>
        <div className="form-row two">
          <TextField {...common} name="city" label={tf("city")} required={required} />
          <TextField {...common} name="cityEn" label={tf("cityEn")} />
        </div>
        <div className="form-row two">
          <TextField {...common} name="address" label={tf("address")} required={required} />
          <TextField {...common} name="addressEn" label={tf("addressEn")} />
        </div>
        <div className="form-row three">
          <TextField {...common} name="totalAreaMu" label={tf("totalAreaMu")} inputMode="decimal" />
          <TextField {...common} name="operatorName" label={tf("operatorName")} required={required} />
          <TextField {...common} name="contactPhone" label={tf("contactPhone")} type="tel" required={required} />
        </div>
        <SelectField
          {...common}
          name="ownerId"
          label={tf("owner")}
          hint={tf("ownerHint")}
          placeholder={tf("noOwner")}
          options={owners.map((owner) => ({
            value: owner.id,
            label: owner.active ? owner.name : `${owner.name}${t("parks.inactiveOwner")}`,
          }))}
        />
        <TextAreaField {...common} name="description" label={tf("description")} required={required} rows={5} />
        <TextAreaField {...common} name="descriptionEn" label={tf("descriptionEn")} rows={5} />
      </div>
      <button className="button" type="submit" disabled={form.formState.isSubmitting}>
        {target ? tf("save") : tf("create")}
      </button>
    </form>
  );
}
