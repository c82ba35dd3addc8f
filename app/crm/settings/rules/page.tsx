import type { Metadata } from "next";
import { ReserveThresholdForm } from "@/components/reports/reserve-threshold-form";
import { AssignmentForm } from "@/components/settings/assignment-form";
import { ScoreForm } from "@/components/settings/score-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { WorkingHoursForm } from "@/components/settings/working-hours-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { readReserveThreshold } from "@/lib/reports/settings/threshold";
import { settingsForAdmin } from "@/lib/settings/queries";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).rules.title };
}

export default async function RulesPage() {
  const viewer = await requireRole("ADMIN");
  const [messages, db] = await Promise.all([getMessages(), getDb()]);
  const [settings, reserveThreshold] = await Promise.all([settingsForAdmin(db, viewer), readReserveThreshold(db)]);
  const { rules } = messages;
  return (
    <I18nProvider namespaces={["reportsExport", "rules", "validation"]}>
      <>
        <h1>{messages.crm.nav.settings}</h1>
        <SettingsNav current="rules" />
        <section aria-labelledby="assignment-heading">
          <h2 id="assignment-heading">{rules.assignment.title}</h2>
          <AssignmentForm initial={settings.assignment} />
        </section>
        <section aria-labelledby="working-hours-heading">
          <h2 id="working-hours-heading">{rules.workingHours.title}</h2>
          <WorkingHoursForm initial={settings.workingHours} />
        </section>
        <section aria-labelledby="score-heading">
          <h2 id="score-heading">{rules.score.title}</h2>
          <ScoreForm initial={settings.score} />
        </section>
        <section aria-labelledby="reserve-threshold-heading">
          <h2 id="reserve-threshold-heading">{messages.reportsExport.threshold.title}</h2>
          <ReserveThresholdForm initial={reserveThreshold} />
        </section>
      </>
    </I18nProvider>
  );
}
