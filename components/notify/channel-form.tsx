"use client";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveChannelAction } from "@/lib/notify/admin/actions";
import { CHANNEL_KINDS, notVendorHost, parseHttpUrl, type ChannelKindName } from "@/lib/notify/admin/channel-url";
import { channelSchema } from "@/lib/notify/admin/schema";
import styles from "./notify.module.css";

export interface ChannelFormPark {
  id: string;
  name: string;
}
/** A saved channel as the form edits it: never its URL or secret, which are write-only. */
export interface EditedChannel {
  id: string;
  kind: ChannelKindName;
  name: string;
  parkId: string | null;
  hasSecret: boolean;
}

/** Adds a channel (no `channel`) or edits one; a blank URL or secret keeps the saved one. */
export function ChannelForm({
  parks,
  channel,
  onDone,
}: {
  parks: ChannelFormPark[];
  channel?: EditedChannel;
  /** an edit's end: saved (with what to say) or cancelled */
  onDone?: (said?: string) => void;
}) {
  const t = useTranslations("notifySettings");
  const idPrefix = channel ? `channel-${channel.id}` : "channel-new";
  const { form, submit, status } = useActionForm({
    schema: channelSchema,
    defaultValues: {
      channelId: channel?.id,
      kind: channel?.kind ?? "WECOM",
      name: channel?.name ?? "",
      parkId: channel?.parkId ?? "",
      url: "",
      secret: "",
      clearSecret: false,
    },
    action: (typed) => saveChannelAction(typed),
    fields: ["kind", "name", "parkId", "url", "secret", "clearSecret"],
    forbidden: t("forbidden"),
    onSuccess: (answer) => {
      if (!answer.changed) return t("unchanged");
      // An edit closes and its row says so; the new-channel form empties for the next one.
      if (channel) {
        onDone?.(t("saved"));
        return undefined;
      }
      form.reset();
      return t("channels.created");
    },
  });
  const {
    register,
    watch,
    formState: { errors, isSubmitting },
  } = form;
  const kind = watch("kind") as ChannelKindName;
  const url = String(watch("url") ?? "");
  const host = parseHttpUrl(url)?.host;
  const name = (field: string) => `${idPrefix}-${field}`;

  return (
    <form className={`panel ${styles.form}`} onSubmit={submit} noValidate>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <div className={styles.grid}>
        <Field name={name("kind")} label={t("channelForm.kind")} errorKey={errors.kind?.message}>
          <select {...inputAria(name("kind"), errors.kind?.message)} {...register("kind")}>
            {CHANNEL_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kinds.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name={name("name")} label={t("channelForm.name")} errorKey={errors.name?.message}>
          <input
            type="text"
            placeholder={t("channelForm.namePlaceholder")}
            {...inputAria(name("name"), errors.name?.message)}
            {...register("name")}
          />
        </Field>
        <Field name={name("parkId")} label={t("channelForm.park")} errorKey={errors.parkId?.message}>
          <select {...inputAria(name("parkId"), errors.parkId?.message)} {...register("parkId")}>
            <option value="">{t("channelForm.defaultPark")}</option>
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
        label={t("channelForm.url")}
        hint={channel ? `${t("channelForm.urlHint")} ${t("channelForm.urlKeep")}` : t("channelForm.urlHint")}
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
      {host && notVendorHost(kind, url) && (
        <p className="notice" role="status">
          {t("channelForm.hostHint", { kind: t(`kinds.${kind}`), host })}
        </p>
      )}
      <Field
        name={name("secret")}
        label={t("channelForm.secret")}
        hint={
          channel?.hasSecret
            ? `${t("channelForm.secretHint")} ${t("channelForm.secretKeep")}`
            : t("channelForm.secretHint")
        }
        errorKey={errors.secret?.message}
      >
        <input
          type="password"
          autoComplete="new-password"
          {...inputAria(name("secret"), errors.secret?.message, true)}
          {...register("secret")}
        />
      </Field>
      {channel?.hasSecret && (
        <label className="choice">
          <input type="checkbox" {...register("clearSecret")} />
          {t("channelForm.clearSecret")}
        </label>
      )}
      <div className={styles.buttons}>
        <button className="button" type="submit" disabled={isSubmitting}>
          {t("channels.save")}
        </button>
        {onDone && channel && (
          <button className="button secondary" type="button" onClick={() => onDone()}>
            {t("channels.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
