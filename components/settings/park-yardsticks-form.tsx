"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveParkYardsticksAction } from "@/lib/projects/evaluation-parks/actions";
import { parkYardsticksSchema, type ParkYardsticksInput } from "@/lib/projects/evaluation-parks/schema";
import styles from "./settings.module.css";

interface Park {
  id: string;
  name: string;
  taxPerMu: string | null;
  outputPerMu: string | null;
}

/** Each park's own 亩均 yardsticks, one small form a park; blank uses the workspace's. */
export function ParkYardsticksForms({
  parks,
  workspace,
}: {
  parks: Park[];
  workspace: { taxPerMu: number; outputPerMu: number };
}) {
  const t = useTranslations("projectActuals.settings.parks");
  if (parks.length === 0) return <p className="meta">{t("empty")}</p>;
  return (
    <div className={styles.parks}>
      {parks.map((park) => (
        <ParkForm key={park.id} park={park} workspace={workspace} />
      ))}
    </div>
  );
}

function ParkForm({ park, workspace }: { park: Park; workspace: { taxPerMu: number; outputPerMu: number } }) {
  const t = useTranslations("projectActuals");
  const locale = useLocale();
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: parkYardsticksSchema,
    defaultValues: {
      parkId: park.id,
      taxPerMu: park.taxPerMu ?? "",
      outputPerMu: park.outputPerMu ?? "",
    } satisfies ParkYardsticksInput,
    action: (typed) => saveParkYardsticksAction(typed),
    fields: ["taxPerMu", "outputPerMu"],
    forbidden: t("forbidden"),
    failed: t("failed"),
    onSuccess: (answer) => {
      router.refresh();
      return answer.changed
        ? t("settings.parks.saved", { park: park.name })
        : t("settings.parks.unchanged", { park: park.name });
    },
  });
  const errors = form.formState.errors;
  const input = (field: "taxPerMu" | "outputPerMu") => {
    const name = `park-${park.id}-${field}`;
    const error = errors[field]?.message;
    return (
      <Field
        name={name}
        label={t(`settings.parks.${field}`)}
        hint={t("settings.parks.workspace", { value: new Intl.NumberFormat(locale).format(workspace[field]) })}
        errorKey={error}
      >
        <input type="text" inputMode="decimal" {...inputAria(name, error, true)} {...form.register(field)} />
      </Field>
    );
  };
  return (
    <form className={styles.park} onSubmit={submit} noValidate aria-label={park.name} data-park={park.id}>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <div className={styles.parkFields}>
        <strong>{park.name}</strong>
        {input("taxPerMu")}
        {input("outputPerMu")}
        <button
          className="button secondary"
          type="submit"
          disabled={form.formState.isSubmitting}
          aria-label={t("settings.parks.saveLabel", { park: park.name })}
        >
          {t("settings.parks.save")}
        </button>
      </div>
    </form>
  );
}
