import { I18nProvider } from "@/components/i18n-provider";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { SectionProps } from "@/lib/projects/section";
/* eslint-disable parklead/boundaries -- a project page section reads its own part in the viewer's scope
   (lib/projects/section.ts), so the page composes the sections without knowing what each shows */
import { getDb } from "@/lib/db/client";
import { projectFunding } from "@/lib/projects/funding/queries";
import { projectYears } from "@/lib/projects/years/queries";
/* eslint-enable parklead/boundaries */
import { FundingPart } from "./funding-part";
import { YearsPart } from "./years-part";

/**
 * 到资 (schedule, payments and their figures) and the yearly actuals with their 亩均 classes, on the project
 * page. Nothing for a project the viewer cannot see; read-only once the project is terminated.
 */
export async function ActualsSection({ projectId, viewer, terminated }: SectionProps) {
  const db = await getDb();
  const [funding, years, t, locale] = await Promise.all([
    projectFunding(db, viewer, projectId),
    projectYears(db, viewer, projectId),
    getTranslations("projectActuals"),
    getLocale(),
  ]);
  if (!funding || !years) return null;
  const writable = !terminated && !funding.terminated;
  return (
    <section className="panel" aria-labelledby="actuals-title" data-testid="project-actuals">
      <h2 id="actuals-title">{t("title")}</h2>
      {!writable && <p className="notice">{t("terminated")}</p>}
      <I18nProvider namespaces={["projectActuals", "validation"]}>
        <FundingPart funding={funding} writable={writable} locale={locale} />
        <YearsPart years={years} writable={writable} locale={locale} />
      </I18nProvider>
    </section>
  );
}
