"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { ROLES } from "@/lib/auth/schema";
import { createUserAction } from "@/lib/users/actions";
import { newUserSchema } from "@/lib/users/schema";
import { FormMessage } from "@/components/ui/form-message";

export function NewUserForm() {
  const t = useTranslations("crm");
  const { form, submit, status } = useActionForm({
    schema: newUserSchema,
    defaultValues: { email: "", name: "", role: "STAFF", password: "" },
    action: (_typed, parsed) => createUserAction(parsed),
    fields: ["email", "name", "role", "password"],
    forbidden: t("users.forbidden"),
    onSuccess: (_answer, _typed, parsed) => {
      form.reset();
      return t("users.created", { email: parsed.email });
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form className="card card-body" onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <Field name="email" label={t("users.email")} errorKey={errors.email?.message}>
        <input type="email" autoComplete="off" {...inputAria("email", errors.email?.message)} {...register("email")} />
      </Field>
      <Field name="name" label={t("users.name")} errorKey={errors.name?.message}>
        <input type="text" autoComplete="off" {...inputAria("name", errors.name?.message)} {...register("name")} />
      </Field>
      <Field name="role" label={t("users.role")} errorKey={errors.role?.message}>
        <select {...inputAria("role", errors.role?.message)} {...register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field name="password" label={t("users.initialPassword")} errorKey={errors.password?.message}>
        <input
          type="text"
          autoComplete="new-password"
          {...inputAria("password", errors.password?.message)}
          {...register("password")}
        />
      </Field>
      <button className="button" type="submit" disabled={isSubmitting}>
        {t("users.create")}
      </button>
    </form>
  );
}
