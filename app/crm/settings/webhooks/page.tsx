import type { Metadata } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SubscriptionLog } from "@/components/webhooks/delivery-log";
import { SubscriptionForm } from "@/components/webhooks/subscription-form";
import { SubscriptionItem } from "@/components/webhooks/subscription-item";
import styles from "@/components/webhooks/webhooks.module.css";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { webhookSettings } from "@/lib/webhooks/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).webhooks.title };
}

export default async function WebhooksPage() {
  const viewer = await requireRole("ADMIN");
  const [locale, messages, t, db] = await Promise.all([
    getLocale(),
    getMessages(),
    getTranslations("webhooks"),
    getDb(),
  ]);
  const settings = await webhookSettings(db, viewer);
  const text = messages.webhooks;
  const parks = settings.parks.map((park) => ({ id: park.id, name: localized(locale, park.name, park.nameEn) }));
  return (
    <I18nProvider namespaces={["webhooks", "validation"]}>
      <>
        <h1>{messages.crm.nav.settings}</h1>
        <SettingsNav current="webhooks" />
        {!settings.notifyOn && <p className="notice">{text.notifyOff}</p>}
        <section aria-labelledby="webhooks-heading">
          <h2 id="webhooks-heading">{text.title}</h2>
          <p className="hint">{text.intro}</p>
          {settings.subscriptions.length === 0 ? (
            <p>{text.empty}</p>
          ) : (
            <ul className={styles.list}>
              {settings.subscriptions.map((subscription) => (
                <SubscriptionItem
                  key={subscription.id}
                  parks={parks}
                  subscription={{
                    id: subscription.id,
                    name: subscription.name,
                    events: subscription.events,
                    parkId: subscription.parkId,
                    parkName: subscription.park && localized(locale, subscription.park.name, subscription.park.nameEn),
                    url: subscription.url,
                    active: subscription.active,
                    failure:
                      subscription.failure &&
                      t("item.failure", {
                        answer: subscription.failure,
                        when: subscription.failedAt ? formatDateTime(subscription.failedAt, locale) : "",
                      }),
                  }}
                >
                  <SubscriptionLog subscription={subscription} />
                </SubscriptionItem>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="webhook-add-heading">
          <h2 id="webhook-add-heading">{text.form.add}</h2>
          <SubscriptionForm parks={parks} />
        </section>
      </>
    </I18nProvider>
  );
}
