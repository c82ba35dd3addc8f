"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { signInSchema, type SignIn } from "@/lib/auth/schema";
import { FormMessage } from "@/components/ui/form-message";
import styles from "./sign-in-form.module.css";

/**
 * Not on useActionForm: next-auth's signIn is no server action but a credentials round trip whose
 * refusal is a reason code (invalid, inactive, throttled:<seconds>, unavailable), each with its own
 * words here; its fields still show their errors through Field's errorKey.
 */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignIn>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false }).catch(() => undefined);
    if (result?.ok && !result.error) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    // authorize() reports "invalid", "inactive", "throttled:<seconds>" or "unavailable" (the database
    // is down). No answer at all (the server's 503, a network failure) is the generic "try later".
    const [reason, seconds] = (result?.error ?? "").split(":");
    if (reason === "unavailable") setFormError(t("databaseUnavailable"));
    else if (reason === "throttled")
      setFormError(t("throttled", { minutes: Math.max(1, Math.ceil(Number(seconds) / 60)) }));
    else if (reason === "inactive") setFormError(t("inactive"));
    else if (reason === "invalid" || reason === "CredentialsSignin") setFormError(t("invalid"));
    else setFormError(t("unavailable"));
  });

  return (
    <form className={`panel ${styles.form}`} onSubmit={onSubmit} noValidate>
      <FormMessage tone="error" answer={formError} as="div">
        {formError}
      </FormMessage>
      <Field name="email" label={t("email")} errorKey={errors.email?.message}>
        <input
          type="email"
          autoComplete="username"
          {...inputAria("email", errors.email?.message)}
          {...register("email")}
        />
      </Field>
      <Field name="password" label={t("password")} errorKey={errors.password?.message}>
        <input
          type="password"
          autoComplete="current-password"
          {...inputAria("password", errors.password?.message)}
          {...register("password")}
        />
      </Field>
      <button className="button" type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
