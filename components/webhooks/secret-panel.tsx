"use client";
import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import styles from "./webhooks.module.css";

/** A subscription's signing secret, shown this once (on creation, or rolled) with a copy button. */
export function SecretPanel({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const t = useTranslations("webhooks");
  const [copied, setCopied] = useState<{ ok: boolean; text: string }>();
  const headingId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied({ ok: true, text: t("secret.copied") });
    } catch {
      setCopied({ ok: false, text: t("secret.copyFailed") });
    }
  };
  return (
    <div className={`panel ${styles.secretPanel}`} role="region" aria-labelledby={headingId}>
      <h4 id={headingId}>{t("secret.title", { name })}</h4>
      <p className={styles.warning}>{t("secret.warning")}</p>
      <code className={styles.secret} aria-label={t("secret.label")} data-testid="webhook-secret">
        {secret}
      </code>
      <div className={styles.buttons}>
        <button type="button" className="button" onClick={copy}>
          {t("secret.copy")}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t("secret.done")}
        </button>
        <FormMessage tone={copied?.ok === false ? "error" : "ok"} answer={copied} as="span">
          {copied?.text}
        </FormMessage>
      </div>
    </div>
  );
}
