"use client";
import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import styles from "./lead-detail.module.css";

/**
 * The text an officer sends the investor about a listing, with the public page's full address.
 * The clipboard needs a secure context; where it is refused the text stays shown to copy by hand.
 */
export function CopyPitch({
  path,
  template,
}: {
  path: string;
  template: { title: string; park: string; deal: string; area: string; price: string };
}) {
  const t = useTranslations("leadPage");
  const id = useId();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [text, setText] = useState<string>();

  const copy = async () => {
    const pitch = t("matches.pitch", { ...template, url: new URL(path, window.location.origin).toString() });
    setText(pitch);
    try {
      await navigator.clipboard.writeText(pitch);
      setState("copied");
    } catch {
      setState("failed");
    }
  };

  return (
    <div className="row-actions">
      <button type="button" className={`button secondary ${styles.smallButton}`} onClick={copy}>
        {t("matches.copy")}
      </button>
      <span aria-live="polite" className="meta">
        {state === "copied" ? t("matches.copied") : state === "failed" ? t("matches.copyFailed") : ""}
      </span>
      {text && (
        <>
          <label className="visually-hidden" htmlFor={id}>
            {t("matches.text")}
          </label>
          <textarea
            id={id}
            className={styles.pitch}
            readOnly
            value={text}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </div>
  );
}
