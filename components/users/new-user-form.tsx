"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { ROLES } from "@/lib/auth/schema";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { createUserAction } from "@/lib/users/actions";
import { newUserSchema, type NewUser } from "@/lib/users/schema";
import { showServerErrors } from "@/components/ui/server-errors";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

export function NewUserForm() {
  const t = useTranslations("crm");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<NewUser>({ resolver: zodResolver(newUserSchema), defaultValues: { email: "", name: "", role: "STAFF", password: "" } });
  const tv = (key?: string) => (key ? validation(key) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setStatus(undefined);
    const answer = await createUserAction(values);
    if (answer.ok) {
      setStatus({ ok: true, text: t("users.created", { email: values.email }) });
      reset();
    } else if ("error" in answer) {
      setStatus({ ok: false, text: refusal(answer, t("users.forbidden")) });
    } else {
      showServerErrors(setError, answer.fieldErrors);
    }
  });

  return (
    <form className="card card-body" onSubmit={onSubmit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <Field name="email" label={t("users.email")} error={tv(errors.email?.message)}>
        <input type="email" autoComplete="off" {...inputAria("email", errors.email?.message)} {...register("email")} />
      </Field>
      <Field name="name" label={t("users.name")} error={tv(errors.name?.message)}>
        <input type="text" autoComplete="off" {...inputAria("name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field name="role" label={t("users.role")} error={tv(errors.role?.message)}>
        <select {...inputAria("role", errors.role?.message)} {...register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="password" label={t("users.initialPassword")} error={tv(errors.password?.message)}>
        <input type="text" autoComplete="new-password" {...inputAria("password", errors.password?.message)} {...register("password")} />
      </Field>
      <button className="button" type="submit" disabled={isSubmitting}>
        {t("users.create")}
      </button>
    </form>
  );
}
