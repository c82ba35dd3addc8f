import type { Metadata } from "next";
import Link from "next/link";
import styles from "@/components/api-keys/api-keys.module.css";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { KeyState, ScopeList } from "@/components/api-keys/key-cells";
import { RevokeKey } from "@/components/api-keys/revoke-key";
import { I18nProvider } from "@/components/i18n-provider";
import { SettingsNav } from "@/components/settings/settings-nav";
import { DataTable } from "@/components/ui/data-table";
import { listApiKeys } from "@/lib/api/keys/queries";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listParks } from "@/lib/parks/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).apiKeys.title };
}

export default async function ApiKeysPage() {
  const viewer = await requireRole("ADMIN");
  const [locale, messages, t, db] = await Promise.all([
    getLocale(),
    getMessages(),
    getTranslations("apiKeys"),
    getDb(),
  ]);
  const [keys, parks] = await Promise.all([listApiKeys(db, viewer), listParks(db, viewer)]);
  const now = new Date();
  const text = messages.apiKeys.list;
  return (
    <I18nProvider namespaces={["apiKeys", "validation"]}>
      <>
        <h1>{messages.crm.nav.settings}</h1>
        <SettingsNav current="apiKeys" />
        <p className="hint">
          {messages.apiKeys.intro} <Link href="/developers/api">{messages.apiReference.title}</Link>
        </p>
        <section aria-labelledby="api-keys-create">
          <h2 id="api-keys-create">{messages.apiKeys.create.title}</h2>
          <CreateKeyForm
            parks={parks.map((park) => ({ id: park.id, name: localized(locale, park.name, park.nameEn) }))}
          />
        </section>
        <section aria-labelledby="api-keys-list">
          <h2 id="api-keys-list">{text.title}</h2>
          {keys.length === 0 ? (
            <p>{text.empty}</p>
          ) : (
            <DataTable
              id="api-keys"
              userId={viewer.id}
              label={text.label}
              chooserLabel={text.columns}
              columns={[
                { id: "name", label: text.name },
                { id: "prefix", label: text.prefix },
                { id: "scopes", label: text.scopes },
                { id: "park", label: text.park },
                { id: "expires", label: text.expires },
                { id: "rateLimit", label: text.rateLimit, numeric: true, hidden: true },
                { id: "created", label: text.created },
                { id: "lastUsed", label: text.lastUsed },
                { id: "status", label: text.status },
                { id: "actions", label: text.actions },
              ]}
              rows={keys.map((key) => ({
                id: key.id,
                cells: {
                  name: key.name,
                  prefix: <code>{key.prefix}…</code>,
                  scopes: <ScopeList scopes={key.scopes} />,
                  park: key.park ? localized(locale, key.park.name, key.park.nameEn) : text.allParks,
                  expires: <KeyState part="expiry" apiKey={key} now={now} />,
                  rateLimit: t("list.perMinute", { n: key.rateLimit }),
                  created: t("list.createdBy", {
                    name: key.createdBy.name,
                    when: formatDateTime(key.createdAt, locale),
                  }),
                  lastUsed: key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : text.neverUsed,
                  status: <KeyState part="status" apiKey={key} now={now} />,
                  actions: (
                    <span className={styles.buttons}>
                      <Link href={`/crm/settings/api-keys/${key.id}`} aria-label={t("list.logOf", { name: key.name })}>
                        {text.log}
                      </Link>
                      <RevokeKey keyId={key.id} name={key.name} revoked={Boolean(key.revokedAt)} />
                    </span>
                  ),
                },
              }))}
            />
          )}
        </section>
      </>
    </I18nProvider>
  );
}
