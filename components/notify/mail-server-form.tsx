"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useActionForm, useRefusedStatus, type FormStatus } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveMailServerAction, sendTestMailAction } from "@/lib/notify/admin/actions";
import { mailServerSchema } from "@/lib/notify/admin/schema";
import styles from "./notify.module.css";
import { useLogRefresh } from "./use-log-refresh";

/** The mail server: the SMTP URL is write-only (blank keeps the saved one); the sender is shown as saved. */
export function MailServerForm({ from, saved, email }: { from: string; saved: boolean; email: string }) {
  const t = useTranslations("notifySettings");
  const { form, submit, status } = useActionForm({
    schema: mailServerSchema,
    defaultValues: { url: "", from },
    action: (typed) => saveMailServerAction(typed),
    fields: ["url", "from"],
    forbidden: t("forbidden"),
    onSuccess: (answer) => {
      if (!answer.changed) return t("unchanged");
      form.reset({ url: "", from: form.getValues("from") });
      return t("saved");
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const refused = useRefusedStatus();
  const refreshLog = useLogRefresh();
  const [testing, startTest] = useTransition();
  const [testStatus, setTestStatus] = useState<FormStatus>();
  const test = () =>
    startTest(async () => {
      setTestStatus(undefined);
      const answer = await sendTestMailAction(undefined);
      if (answer.ok) {
        setTestStatus({ ok: true, text: t("mail.testQueued", { email }) });
        refreshLog();
      } else setTestStatus(refused(answer, t("forbidden")));
    });

  return (
    <>
      <form className={`panel ${styles.form}`} onSubmit={submit} noValidate>
        <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
          {status?.text}
        </FormMessage>
        <Field
          name="mail-url"
          label={t("mail.url")}
          hint={saved ? `${t("mail.urlHint")} ${t("mail.urlKeep")}` : t("mail.urlHint")}
          errorKey={errors.url?.message}
        >
          <input
            type="text"
            autoComplete="off"
            spellCheck={false}
            {...inputAria("mail-url", errors.url?.message, true)}
            {...register("url")}
          />
        </Field>
        <Field name="mail-from" label={t("mail.from")} hint={t("mail.fromHint")} errorKey={errors.from?.message}>
          <input type="text" {...inputAria("mail-from", errors.from?.message, true)} {...register("from")} />
        </Field>
        <div className={styles.buttons}>
          <button className="button" type="submit" disabled={isSubmitting}>
            {t("mail.save")}
          </button>
        </div>
      </form>
      <FormMessage tone={testStatus?.ok ? "ok" : "error"} answer={testStatus}>
        {testStatus?.text}
      </FormMessage>
      <p>
        <button className="button secondary" type="button" disabled={testing} onClick={test}>
          {t("mail.test")}
        </button>
      </p>
    </>
  );
}
