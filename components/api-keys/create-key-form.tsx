"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { FieldError } from "@/components/forms/field-error";
import { Field, fieldIds, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createApiKeyAction } from "@/lib/api/keys/actions";
import { apiKeySchema, DEFAULT_RATE_LIMIT, MAX_RATE_LIMIT } from "@/lib/api/keys/schema";
import { API_SCOPES } from "@/lib/api/keys/scopes";
import styles from "./api-keys.module.css";

export interface KeyFormPark {
  id: string;
  name: string;
}

/** Creates a key and shows it this once, with a copy button: the server keeps only its hash. */
export function CreateKeyForm({ parks }: { parks: KeyFormPark[] }) {
  const t = useTranslations("apiKeys");
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const [copied, setCopied] = useState<{ ok: boolean; text: string }>();
  const { form, submit, status } = useActionForm({
    schema: apiKeySchema,
    defaultValues: { name: "", scopes: [], parkId: "", expiresOn: "", rateLimit: String(DEFAULT_RATE_LIMIT) },
    action: (typed) => createApiKeyAction(typed),
    fields: ["name", "scopes", "parkId", "expiresOn", "rateLimit"],
    forbidden: t("forbidden"),
    onSuccess: (answer, typed) => {
      setCreated({ name: String(typed.name).trim(), key: answer.key });
      setCopied(undefined);
      form.reset();
      return undefined;
    },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const name = (field: string) => `api-key-${field}`;

  const copy = async (key: string) => {
    try {
      await navigator.clipboard.writeText(key);
      setCopied({ ok: true, text: t("created.copied") });
    } catch {
      setCopied({ ok: false, text: t("created.copyFailed") });
    }
  };

  return (
    <>
      {created && (
        <div className={`panel ${styles.created}`} role="region" aria-labelledby="api-key-created">
          <h3 id="api-key-created">{t("created.title", { name: created.name })}</h3>
          <p className={styles.warning}>{t("created.warning")}</p>
          <code className={styles.secret} data-testid="new-api-key">
            {created.key}
          </code>
          <div className={styles.buttons}>
            <button type="button" className="button" onClick={() => copy(created.key)}>
              {t("created.copy")}
            </button>
            <button type="button" className="button secondary" onClick={() => setCreated(undefined)}>
              {t("created.done")}
            </button>
            <FormMessage tone={copied?.ok === false ? "error" : "ok"} answer={copied} as="span">
              {copied?.text}
            </FormMessage>
          </div>
        </div>
      )}
      <form className={`panel ${styles.form}`} onSubmit={submit} noValidate>
        <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
          {status?.text}
        </FormMessage>
        <Field name={name("name")} label={t("create.name")} errorKey={errors.name?.message}>
          <input
            type="text"
            maxLength={60}
            placeholder={t("create.namePlaceholder")}
            {...inputAria(name("name"), errors.name?.message)}
            {...register("name")}
          />
        </Field>
        <fieldset
          className={styles.scopes}
          aria-describedby={errors.scopes ? fieldIds(name("scopes")).error : undefined}
        >
          <legend>{t("create.scopes")}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="choice">
              <input type="checkbox" value={scope} {...register("scopes")} />
              {t(`scopes.${scope}`)} <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        <FieldError id={fieldIds(name("scopes")).error} messageKey={errors.scopes?.message} />
        <div className={styles.grid}>
          <Field name={name("parkId")} label={t("create.park")} errorKey={errors.parkId?.message}>
            <select {...inputAria(name("parkId"), errors.parkId?.message)} {...register("parkId")}>
              <option value="">{t("create.allParks")}</option>
              {parks.map((park) => (
                <option key={park.id} value={park.id}>
                  {park.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name={name("expiresOn")}
            label={t("create.expiresOn")}
            hint={t("create.expiresHint")}
            errorKey={errors.expiresOn?.message}
          >
            <input
              type="date"
              {...inputAria(name("expiresOn"), errors.expiresOn?.message, true)}
              {...register("expiresOn")}
            />
          </Field>
          <Field
            name={name("rateLimit")}
            label={t("create.rateLimit")}
            hint={t("create.rateLimitHint")}
            errorKey={errors.rateLimit?.message}
          >
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_RATE_LIMIT}
              {...inputAria(name("rateLimit"), errors.rateLimit?.message, true)}
              {...register("rateLimit")}
            />
          </Field>
        </div>
        <div className={styles.buttons}>
          <button className="button" type="submit" disabled={isSubmitting}>
            {t("create.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
