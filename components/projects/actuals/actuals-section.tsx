import { getTranslations } from "@/lib/i18n/server";
import type { SectionProps } from "@/lib/projects/section";

/** 到资, the yearly actuals and their 亩均 classes on the project page. */
export async function ActualsSection({ projectId }: SectionProps) {
  const t = await getTranslations("projectActuals");
  return (
    <section className="panel" aria-labelledby="actuals-title" data-project={projectId}>
      <h2 id="actuals-title">{t("title")}</h2>
    </section>
  );
}
