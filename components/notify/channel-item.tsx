"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useRefusedStatus, type ActionAnswer, type FormStatus } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/ui/form-message";
import { deleteChannelAction, sendChannelTestAction, setChannelActiveAction } from "@/lib/notify/admin/actions";
import { ChannelForm, type ChannelFormPark, type EditedChannel } from "./channel-form";
import styles from "./notify.module.css";
import { useLogRefresh } from "./use-log-refresh";

/** One channel as the list shows it: the URL already masked on the server, never whole. */
export interface ShownChannel extends EditedChannel {
  parkName: string | null;
  url: string | null;
  active: boolean;
  fromEnv: boolean;
  used: boolean;
  /** the vendor's refusal in words, with when */
  failure: string | null;
}

export function ChannelItem({ channel, parks }: { channel: ShownChannel; parks: ChannelFormPark[] }) {
  const t = useTranslations("notifySettings");
  const refused = useRefusedStatus();
  const refreshLog = useLogRefresh();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<FormStatus>();

  const run = (work: () => Promise<ActionAnswer>, done: string, after?: () => void) =>
    startTransition(async () => {
      setStatus(undefined);
      const answer = await work();
      if (answer.ok) {
        setStatus({ ok: true, text: done });
        after?.();
      } else setStatus(refused(answer, t("forbidden")));
    });

  return (
    <li className={`panel ${styles.channel}`} data-channel={channel.id}>
      <strong>
        {channel.name} · {t(`kinds.${channel.kind}`)} · {channel.parkName ?? t("channels.defaultPark")}
      </strong>
      <span>
        {t("channels.url")}: <code>{channel.url ?? t("channels.unreadable")}</code>
        {channel.hasSecret && ` · ${t("channels.secret")}`}
        {" · "}
        {channel.active ? t("channels.active") : t("channels.inactive")}
      </span>
      {channel.fromEnv && <span className={styles.muted}>{t("channels.fromEnv")}</span>}
      {channel.failure && (
        <p className={styles.failure} role="alert">
          {channel.failure}
        </p>
      )}
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
      <div className={styles.buttons}>
        {channel.active && (
          <button
            type="button"
            className="button secondary"
            disabled={pending}
            onClick={() =>
              run(() => sendChannelTestAction({ channelId: channel.id }), t("channels.testQueued"), refreshLog)
            }
          >
            {t("channels.test")}
          </button>
        )}
        {!channel.fromEnv && (
          <>
            <button type="button" className="button secondary" disabled={pending} onClick={() => setEditing(!editing)}>
              {t("channels.edit")}
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={pending}
              onClick={() =>
                run(
                  () => setChannelActiveAction({ channelId: channel.id, active: !channel.active }),
                  channel.active ? t("channels.deactivated") : t("channels.activated"),
                )
              }
            >
              {channel.active ? t("channels.deactivate") : t("channels.reactivate")}
            </button>
            {!channel.used && (
              <button
                type="button"
                className="button secondary"
                disabled={pending}
                onClick={() => {
                  if (window.confirm(t("channels.deleteConfirm", { name: channel.name })))
                    run(() => deleteChannelAction({ channelId: channel.id }), t("channels.deleted"));
                }}
              >
                {t("channels.delete")}
              </button>
            )}
          </>
        )}
      </div>
      {editing && (
        <ChannelForm
          parks={parks}
          channel={channel}
          onDone={(said) => {
            setEditing(false);
            if (said) setStatus({ ok: true, text: said });
          }}
        />
      )}
    </li>
  );
}
