import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { ChannelForm } from "@/components/notify/channel-form";
import { ChannelItem } from "@/components/notify/channel-item";
import { DeliveryLog } from "@/components/notify/delivery-log";
import { MailServerForm } from "@/components/notify/mail-server-form";
import { MailServerStatus } from "@/components/notify/mail-server-status";
import { NotifyRulesForm } from "@/components/notify/rules-form";
import styles from "@/components/notify/notify.module.css";
import { SettingsNav } from "@/components/settings/settings-nav";
import { parseAuditCursor } from "@/lib/audit/cursor";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { DELIVERY_PAGE_SIZE, listDeliveries } from "@/lib/notify/admin/log";
import { notificationSettings } from "@/lib/notify/admin/queries";
import { deliveryFilterSchema } from "@/lib/notify/admin/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).notifySettings.title };
}

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function NotificationSettingsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const viewer = await requireRole("ADMIN");
  const [locale, messages, t, db, params] = await Promise.all([
    getLocale(),
    getMessages(),
    getTranslations("notifySettings"),
    getDb(),
    searchParams,
  ]);
  const parsedFilter = deliveryFilterSchema.safeParse({
    status: first(params.status),
    to: first(params.to),
    topic: first(params.topic),
  });
  const filter = parsedFilter.success ? parsedFilter.data : {};
  const before = parseAuditCursor(params.before);
  const [settings, deliveries] = await Promise.all([
    notificationSettings(db, viewer),
    listDeliveries(db, viewer, filter, before),
  ]);
  const text = messages.notifySettings;
  const parks = settings.parks.map((park) => ({ id: park.id, name: localized(locale, park.name, park.nameEn) }));
  const last = deliveries.at(-1);
  return (
    <I18nProvider namespaces={["notifySettings", "validation"]}>
      <>
        <h1>{messages.crm.nav.settings}</h1>
        <SettingsNav current="notifications" />
        {!settings.notifyOn && <p className="notice">{text.notifyOff}</p>}
        <section aria-labelledby="channels-heading">
          <h2 id="channels-heading">{text.channels.title}</h2>
          <p className="hint">{text.channels.hint}</p>
          {settings.channels.length === 0 ? (
            <p>{text.channels.empty}</p>
          ) : (
            <ul className={styles.channels}>
              {settings.channels.map((channel) => (
                <ChannelItem
                  key={channel.id}
                  parks={parks}
                  channel={{
                    id: channel.id,
                    kind: channel.kind,
                    name: channel.name,
                    parkId: channel.parkId,
                    parkName: channel.park && localized(locale, channel.park.name, channel.park.nameEn),
                    url: channel.url,
                    hasSecret: channel.hasSecret,
                    active: channel.active,
                    fromEnv: channel.fromEnv,
                    used: channel.used,
                    failure:
                      channel.failure &&
                      t("channels.failure", {
                        kind: text.kinds[channel.kind],
                        answer: channel.failure,
                        when: channel.failedAt ? formatDateTime(channel.failedAt, locale) : "",
                      }),
                  }}
                />
              ))}
            </ul>
          )}
          <h3>{text.channels.add}</h3>
          <ChannelForm parks={parks} />
        </section>
        <section aria-labelledby="mail-heading">
          <h2 id="mail-heading">{text.mail.title}</h2>
          <p className="hint">{text.mail.hint}</p>
          <MailServerStatus mail={settings.mail} />
          <MailServerForm
            from={settings.mail.saved?.from ?? ""}
            saved={Boolean(settings.mail.saved)}
            email={viewer.email}
          />
        </section>
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">{text.rules.title}</h2>
          <NotifyRulesForm initial={settings.rules} />
        </section>
        <section aria-labelledby="log-heading" id="log">
          <h2 id="log-heading">{text.log.title}</h2>
          <DeliveryLog
            rows={deliveries}
            filter={filter}
            channels={settings.channels.map((channel) => ({ id: channel.id, name: channel.name }))}
            older={last && deliveries.length >= DELIVERY_PAGE_SIZE ? `${last.createdAt.getTime()}~${last.id}` : null}
            paged={before !== undefined}
            badFilter={!parsedFilter.success}
          />
        </section>
      </>
    </I18nProvider>
  );
}
