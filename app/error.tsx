"use client";
import { useTranslations } from "use-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="container">
      <div className="panel" style={{ maxWidth: 640, margin: "40px auto" }} role="alert">
        <h1>{t("errorTitle")}</h1>
        <p>{t("error")}</p>
        <button type="button" className="button" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
