"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { FieldError } from "@/components/forms/field-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, fieldIds, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveSubscriptionAction } from "@/lib/webhooks/actions";
import { WEBHOOK_EVENTS, webhookMessageKey, type WebhookEvent } from "@/lib/webhooks/events";
import { subscriptionSchema } from "@/lib/webhooks/schema";
import { SecretPanel } from "./secret-panel";
import styles from "./webhooks.module.css";

export interface SubscriptionFormPark {
  id: string;
  name: string;
}
/** A saved subscription as the form edits it: never its URL or secret, which are write-only. */
export interface EditedSubscription {
  id: string;
  name: string;
  events: string[];
  parkId: string | null;
}

/** Adds a subscription (no `subscription`: its secret is shown once) or edits one; a blank URL keeps the saved one. */
export function SubscriptionForm({
  parks,
  subscription,
  onDone,
}: {
  parks: SubscriptionFormPark[];
  subscription?: EditedSubscription;
  /** an edit's end: saved (with what to say) or cancelled */
  onDone?: (said?: string) => void;
}) {
  const t = useTranslations("webhooks");
  const [created, setCreated] = useState<{ name: string; secret: string }>();
  const idPrefix = subscription ? `webhook-${subscription.id}` : "webhook-new";
  const { form, submit, status } = useActionForm({
    schema: subscriptionSchema,
    defaultValues: {
      subscriptionId: subscription?.id,
      name: subscription?.name ?? "",
      url: "",
      events: (subscription?.events ?? [...WEBHOOK_EVENTS]) as WebhookEvent[],
      parkId: subscription?.parkId ?? "",
    },
    action: (typed) => saveSubscriptionAction(typed),
    fields: ["name", "url", "events", "parkId"],
    forbidden: t("forbidden"),
    onSuccess: (answer, typed) => {
      if (!answer.changed) return t("form.unchanged");
      // An edit closes and its row says so; a new subscription shows its secret once and the form empties.
      if (subscription) {
        onDone?.(t("form.saved"));
        return undefined;
      }
      if (answer.secret) setCreated({ name: String(typed.name).trim(), secret: answer.secret });
      form.reset();
      return t("form.created");
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const name = (field: string) => `${idPrefix}-${field}`;

  return (
    <>
      {created && <SecretPanel name={created.name} secret={created.secret} onDone={() => setCreated(undefined)} />}
      <form className={`panel ${styles.form}`} onSubmit={submit} noValidate>
        <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
          {status?.text}
        </FormMessage>
        <div className={styles.grid}>
          <Field name={name("name")} label={t("form.name")} errorKey={errors.name?.message}>
            <input
              type="text"
              maxLength={60}
              placeholder={t("form.namePlaceholder")}
              {...inputAria(name("name"), errors.name?.message)}
              {...register("name")}
            />
          </Field>
          <Field name={name("parkId")} label={t("form.park")} errorKey={errors.parkId?.message}>
            <select {...inputAria(name("parkId"), errors.parkId?.message)} {...register("parkId")}>
              <option value="">{t("form.allParks")}</option>
              {parks.map((park) => (
                <option key={park.id} value={park.id}>
                  {park.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field
          name={name("url")}
          label={t("form.url")}
          hint={subscription ? `${t("form.urlHint")} ${t("form.urlKeep")}` : t("form.urlHint")}
          errorKey={errors.url?.message}
        >
          <input
            type="url"
            autoComplete="off"
            spellCheck={false}
            {...inputAria(name("url"), errors.url?.message, true)}
            {...register("url")}
          />
        </Field>
        <fieldset
          className={styles.events}
          aria-describedby={errors.events ? fieldIds(name("events")).error : undefined}
        >
          <legend>{t("form.events")}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="choice">
              <input type="checkbox" value={event} {...register("events")} />
              {t(`events.${webhookMessageKey(event)}`)} <code>{event}</code>
            </label>
          ))}
        </fieldset>
        <FieldError id={fieldIds(name("events")).error} messageKey={errors.events?.message} />
        <div className={styles.buttons}>
          <button className="button" type="submit" disabled={isSubmitting}>
            {subscription ? t("form.save") : t("form.create")}
          </button>
          {onDone && subscription && (
            <button className="button secondary" type="button" onClick={() => onDone()}>
              {t("form.cancel")}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
