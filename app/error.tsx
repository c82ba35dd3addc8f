"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";

/**
 * A page that failed to render. In production the browser gets only the error's digest, never
 * whether it was the database, so the boundary asks the server: /api/health answers 503 exactly
 * when the database is unavailable, and then the page says so (in both languages: the reader may
 * be on either) instead of a bare "something went wrong".
 */
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errors");
  const [databaseDown, setDatabaseDown] = useState(false);

  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => current && setDatabaseDown(response.status === 503))
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);

  return (
    <main className="container">
      <div className="panel" style={{ maxWidth: 640, margin: "40px auto" }} role="alert" data-testid="error-page">
        <h1>{t(databaseDown ? "databaseTitle" : "errorTitle")}</h1>
        <p>{t(databaseDown ? "database" : "error")}</p>
        <button type="button" className="button" onClick={() => retry()}>
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
