import type { Metadata } from "next";
import { LostReasonSettings } from "@/components/pipeline/lost-reason-settings";
import { StageSettings } from "@/components/pipeline/stage-settings";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import { START_STAGE_KEY } from "@/lib/pipeline/config-schema";
import { pipelineConfig } from "@/lib/pipeline/queries";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).pipeline.settings.title };
}

export default async function PipelineSettingsPage() {
  const viewer = await requireRole("ADMIN");
  const [messages, t, db] = await Promise.all([getMessages(), getTranslations(), getDb()]);
  const config = await pipelineConfig(db, viewer);
  const text = messages.pipeline.settings;
  const start = config.stages.find((stage) => stage.key === START_STAGE_KEY);
  return (
    <I18nProvider namespaces={["pipeline", "validation"]}>
      <>
        <h1>{messages.crm.nav.settings}</h1>
        <SettingsNav current="pipeline" />
        <section aria-labelledby="stages-heading">
          <h2 id="stages-heading">{text.stages}</h2>
          <p className="hint">{t("pipeline.settings.stagesHint", { start: start?.name ?? START_STAGE_KEY })}</p>
          <StageSettings
            stages={config.stages.map(({ key, name, nameEn, category, inUse }) => ({
              key,
              name,
              nameEn,
              category,
              inUse,
            }))}
          />
        </section>
        <section aria-labelledby="reasons-heading">
          <h2 id="reasons-heading">{text.reasons}</h2>
          <p className="hint">{text.reasonsHint}</p>
          <LostReasonSettings
            reasons={config.lostReasons.map(({ key, name, nameEn, askPark, active }) => ({
              key,
              name,
              nameEn,
              askPark,
              active,
            }))}
          />
        </section>
      </>
    </I18nProvider>
  );
}
