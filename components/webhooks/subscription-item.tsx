"use client";
import { useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useRefusedStatus, type ActionAnswer, type FormStatus } from "@/components/forms/use-action-form";
import { useLogRefresh } from "@/components/notify/use-log-refresh";
import { FormMessage } from "@/components/ui/form-message";
import {
  rollSubscriptionSecretAction,
  sendSubscriptionPingAction,
  setSubscriptionActiveAction,
} from "@/lib/webhooks/actions";
import { SecretPanel } from "./secret-panel";
import { isWebhookType, webhookMessageKey } from "@/lib/webhooks/events";
import { SubscriptionForm, type EditedSubscription, type SubscriptionFormPark } from "./subscription-form";
import styles from "./webhooks.module.css";

/** One subscription as the list shows it: the URL already masked on the server, never whole. */
export interface ShownSubscription extends EditedSubscription {
  parkName: string | null;
  url: string | null;
  active: boolean;
  /** the receiver's refusal in words, with when */
  failure: string | null;
}

/** A subscription with its buttons; `children` is its delivery log, read on the server. */
export function SubscriptionItem({
  subscription,
  parks,
  children,
}: {
  subscription: ShownSubscription;
  parks: SubscriptionFormPark[];
  children: ReactNode;
}) {
  const t = useTranslations("webhooks");
  const refused = useRefusedStatus();
  const refreshLog = useLogRefresh();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<FormStatus>();

  /** Runs a button's action; `done` says what came of it (nothing to say: undefined). */
  const run = <Answer extends ActionAnswer>(
    work: () => Promise<Answer>,
    done: (answer: Extract<Answer, { ok: true }>) => string | undefined,
  ) =>
    startTransition(async () => {
      setStatus(undefined);
      const answer = await work();
      if (!answer.ok) return setStatus(refused(answer, t("forbidden")));
      const said = done(answer as Extract<Answer, { ok: true }>);
      if (said) setStatus({ ok: true, text: said });
    });

  return (
    <li className={`panel ${styles.item}`} data-subscription={subscription.id}>
      <strong>
        {subscription.name} · {subscription.parkName ?? t("item.allParks")} ·{" "}
        {subscription.active ? t("item.active") : t("item.inactive")}
      </strong>
      <span>
        {t("item.url")}: <code>{subscription.url ?? t("item.unreadable")}</code>
      </span>
      <span className={styles.muted}>
        {subscription.events
          .map((event) => (isWebhookType(event) ? t(`events.${webhookMessageKey(event)}`) : event))
          .join(" · ")}
      </span>
      {subscription.failure && (
        <p className={styles.failure} role="alert">
          {subscription.failure}
        </p>
      )}
      {secret && <SecretPanel name={subscription.name} secret={secret} onDone={() => setSecret(undefined)} />}
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <div className={styles.buttons}>
        {subscription.active && (
          <button
            type="button"
            className="button secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => sendSubscriptionPingAction({ subscriptionId: subscription.id }),
                () => {
                  refreshLog();
                  return t("item.testQueued");
                },
              )
            }
          >
            {t("item.test")}
          </button>
        )}
        <button type="button" className="button secondary" disabled={pending} onClick={() => setEditing(!editing)}>
          {t("item.edit")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(t("item.rollConfirm", { name: subscription.name }))) return;
            run(
              () => rollSubscriptionSecretAction({ subscriptionId: subscription.id }),
              (answer) => {
                setSecret(answer.secret);
                return undefined;
              },
            );
          }}
        >
          {t("item.roll")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => setSubscriptionActiveAction({ subscriptionId: subscription.id, active: !subscription.active }),
              () => (subscription.active ? t("item.deactivated") : t("item.activated")),
            )
          }
        >
          {subscription.active ? t("item.deactivate") : t("item.reactivate")}
        </button>
      </div>
      {editing && (
        <SubscriptionForm
          parks={parks}
          subscription={subscription}
          onDone={(said) => {
            setEditing(false);
            if (said) setStatus({ ok: true, text: said });
          }}
        />
      )}
      {children}
    </li>
  );
}
