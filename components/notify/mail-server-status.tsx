import { getTranslations } from "@/lib/i18n/server";
import type { NotificationSettings } from "@/lib/notify/admin/queries";

/** Which mail server applies: the saved one, else the environment's (both variables), else none, said plainly. */
export async function MailServerStatus({ mail }: { mail: NotificationSettings["mail"] }) {
  const t = await getTranslations("notifySettings.mail");
  const { saved, env } = mail;
  if (saved) {
    return (
      <>
        <p>{saved.url ? t("saved", { url: saved.url, from: saved.from }) : t("savedUnreadable")}</p>
        {env.url && <p className="hint">{t("envShadowed", { url: env.url })}</p>}
      </>
    );
  }
  if (env.url && env.from) return <p>{t("envApplies", { url: env.url, from: env.from })}</p>;
  return (
    <>
      {(env.url || env.from) && <p className="hint">{t("envIncomplete")}</p>}
      <p className="notice" role="status">
        {t("notConfigured")}
      </p>
    </>
  );
}
