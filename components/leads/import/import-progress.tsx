"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "use-intl";

const EVERY_MS = 2_000;

/**
 * The progress of a job step the runner is doing. The page reads the job again every two seconds;
 * once the status has moved on the page no longer renders this, and the reading stops with it.
 */
export function ImportProgress({ step, done, total }: { step: "ANALYSING" | "RUNNING"; done: number; total: number }) {
  const t = useTranslations("leadImport.progress");
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  return (
    <section aria-labelledby="import-progress-heading" className="panel">
      <h2 id="import-progress-heading">{step === "ANALYSING" ? t("analysing") : t("running")}</h2>
      <label htmlFor="import-progress">{t("label")}</label>
      <progress id="import-progress" max={Math.max(total, 1)} value={Math.min(done, total)}>
        {percent}%
      </progress>
      <p role="status" aria-live="polite" data-testid="import-progress">
        {t("count", { done, total, percent })}
      </p>
      <p className="hint">{t("auto")}</p>
    </section>
  );
}
