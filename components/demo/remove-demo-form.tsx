"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/ui/form-message";
import { removeDemoDataAction } from "@/lib/demo/remove/actions";
import { removeDemoSchema } from "@/lib/demo/remove/schema";
import styles from "./demo.module.css";

/** The admin's removal of the whole demo workspace, confirmed by ticking what it does. */
export function RemoveDemoForm() {
  const t = useTranslations("demo");
  const router = useRouter();
  const { form, submit, status } = useActionForm({
    schema: removeDemoSchema,
    defaultValues: {},
    action: (_typed, values) => removeDemoDataAction(values),
    fields: ["confirm"],
    forbidden: t("remove.forbidden"),
    onSuccess: (answer) => {
      router.refresh();
      return t("remove.done", { leads: answer.leads });
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  return (
    <form className={styles.remove} onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <label>
        <input
          type="checkbox"
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={errors.confirm ? "remove-demo-confirm-error" : undefined}
          {...register("confirm")}
        />{" "}
        {t("remove.confirm")}
      </label>
      <FieldError id="remove-demo-confirm-error" messageKey={errors.confirm?.message} />
      <button type="submit" className="button danger" disabled={isSubmitting}>
        {t("remove.submit")}
      </button>
    </form>
  );
}
