import type { ApiScope } from "@/lib/api/keys/scopes";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import styles from "./api-keys.module.css";

/** A key's scopes as short labels, the code each stands for beside it for whoever wires the API. */
export async function ScopeList({ scopes }: { scopes: ApiScope[] }) {
  const t = await getTranslations("apiKeys.scopes");
  return (
    <ul className={styles.scopeList}>
      {scopes.map((scope) => (
        <li key={scope} title={scope}>
          {t(scope)}
        </li>
      ))}
    </ul>
  );
}

interface KeyDates {
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedBy: { name: string } | null;
}

/**
 * A key's expiry (its last working day, flagged once past) or its status in words. A key expires
 * when its last day ends, so the day shown is the one before `expiresAt`.
 */
export async function KeyState({ part, apiKey, now }: { part: "expiry" | "status"; apiKey: KeyDates; now: Date }) {
  const [t, locale] = await Promise.all([getTranslations("apiKeys.list"), getLocale()]);
  const expired = apiKey.expiresAt !== null && apiKey.expiresAt <= now;
  if (part === "expiry") {
    if (!apiKey.expiresAt) return t("noExpiry");
    const day = formatDate(new Date(apiKey.expiresAt.getTime() - 1), locale);
    return expired ? <span className={styles.flag}>{t("expiredOn", { day })}</span> : t("validUntil", { day });
  }
  if (apiKey.revokedAt) {
    const when = formatDateTime(apiKey.revokedAt, locale);
    return (
      <span className={styles.muted}>
        {apiKey.revokedBy ? t("revokedBy", { name: apiKey.revokedBy.name, when }) : t("revoked")}
      </span>
    );
  }
  if (expired) return <span className={styles.flag}>{t("expired")}</span>;
  return t("active");
}
