import type { Metadata } from "next";
import { PreferencesForm } from "@/components/account/preferences-form";
import { I18nProvider } from "@/components/i18n-provider";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import { STAFF_EMAIL_TOPICS } from "@/lib/notify/topics";
import { ownPreferences } from "@/lib/users/preferences/queries";
import { MANAGER_TOPICS } from "@/lib/users/preferences/schema";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).account.title };
}

/** Every signed-in user's own settings: only their own, whoever they are. */
export default async function AccountPage() {
  const viewer = await requireUser();
  const [messages, t, db] = await Promise.all([getMessages(), getTranslations("account"), getDb()]);
  const own = await ownPreferences(db, viewer);
  // The digest is for managers and admins; staff are not offered it.
  const topics = STAFF_EMAIL_TOPICS.filter((topic) => own.role !== "STAFF" || !MANAGER_TOPICS.includes(topic));
  return (
    <I18nProvider namespaces={["account", "validation"]}>
      <>
        <h1>{messages.account.title}</h1>
        <p>{t("who", { name: own.name, email: own.email, role: messages.crm.roles[own.role] })}</p>
        <PreferencesForm workPhone={own.workPhone} emailMuted={own.emailMuted} topics={topics} />
      </>
    </I18nProvider>
  );
}
