"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { createParkAction, updateParkAction } from "@/lib/parks/actions";
import { parkSchema, type ParkInput } from "@/lib/parks/schema";
import { FormStatus, SelectField, TextAreaField, TextField } from "./form-fields";
import { showServerErrors } from "@/components/ui/server-errors";
import { useRefusalText } from "@/components/ui/refusal";

type Answer =
  { ok: true; id: string; updatedAt: string } | { ok: false; fieldErrors?: Record<string, string>; error?: string };
type ParkOutput = ReturnType<typeof parkSchema.parse>;

const FIELDS = new Set(Object.keys(parkSchema.shape));

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
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const tf = useTranslations("listingsAdmin.parks.form");
  const required = useTranslations("inquiry")("required");
  const router = useRouter();
  const [token, setToken] = useState(target?.updatedAt);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const tv = (key: string) => validation(key);
  const form = useForm<ParkInput, unknown, ParkOutput>({ resolver: zodResolver(parkSchema), defaultValues: defaults });

  const onSubmit = form.handleSubmit(
    async () => {
      setStatus(undefined);
      const raw = form.getValues();
      const answer: Answer = target
        ? await updateParkAction({ ...raw, id: target.id, updatedAt: token })
        : await createParkAction(raw);
      if (answer.ok) {
        if (!target) return router.push(`/crm/listings/parks/${answer.id}?created=1`);
        setToken(answer.updatedAt);
        setStatus({ ok: true, text: tf("saved") });
        form.reset(raw);
        return router.refresh();
      }
      if (answer.error) return setStatus({ ok: false, text: refusal(answer, t("form.forbidden")) });
      const errors = Object.entries(answer.fieldErrors ?? {});
      showServerErrors(form.setError, answer.fieldErrors ?? {}, FIELDS);
      const other = errors.find(([field]) => !FIELDS.has(field));
      if (other) setStatus({ ok: false, text: other[1] === "stale" ? tf("stale") : tv(other[1]) });
      else setStatus({ ok: false, text: t("form.errorsSummary", { count: errors.length }) });
    },
    (errors) => setStatus({ ok: false, text: t("form.errorsSummary", { count: Object.keys(errors).length }) }),
  );

  const common = { form, tv };
  return (
    <form className="panel" onSubmit={onSubmit} noValidate data-testid="park-form">
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
