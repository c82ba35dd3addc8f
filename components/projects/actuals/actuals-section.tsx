import { I18nProvider } from "@/components/i18n-provider";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { ProjectFunding } from "@/lib/projects/funding/queries";
import type { ProjectYears } from "@/lib/projects/years/queries";
import { FundingPart } from "./funding-part";
import { YearsPart } from "./years-part";

/**
 * 到资 (schedule, payments and their figures) and the yearly actuals with their 亩均 classes, on the project
 * page, which reads them (projectFunding, projectYears) in the viewer's scope. Read-only once the project is
 * terminated.
 */
export async function ActualsSection({
  funding,
  years,
  terminated,
}: {
  funding: ProjectFunding;
  years: ProjectYears;
  terminated: boolean;
}) {
  const [t, locale] = await Promise.all([getTranslations("projectActuals"), getLocale()]);
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
