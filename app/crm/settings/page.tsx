import type { Metadata } from "next";
import { DemoDataSection } from "@/components/demo/demo-data-section";
import { DeliveryForm } from "@/components/settings/delivery-form";
import { InventoryForm } from "@/components/settings/inventory-form";
import { ParkYardsticksForms } from "@/components/settings/park-yardsticks-form";
import { SettingsNav } from "@/components/settings/settings-nav";
import { NewUserForm } from "@/components/users/new-user-form";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { demoWorkspaceShown } from "@/lib/demo/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { parkYardsticks } from "@/lib/projects/evaluation-parks/queries";
import { settingsForAdmin } from "@/lib/settings/queries";
import { listUsers } from "@/lib/users/queries";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).crm.nav.settings };
}

export default async function SettingsPage() {
  const viewer = await requireRole("ADMIN");
  const [locale, messages, db] = await Promise.all([getLocale(), getMessages(), getDb()]);
  const [users, demo, settings, parks] = await Promise.all([
    listUsers(db, viewer),
    demoWorkspaceShown(db, viewer),
    settingsForAdmin(db, viewer),
    parkYardsticks(db, viewer),
  ]);
  const { users: text, roles } = messages.crm;
  return (
    <I18nProvider namespaces={["crm", "demo", "inventory", "projectActuals", "rules", "validation"]}>
      <>
        <h1>{messages.crm.nav.settings}</h1>
        <SettingsNav current="users" />
        <section aria-labelledby="users-heading">
          <h2 id="users-heading">{text.title}</h2>
          <div className="table-wrap" role="region" aria-labelledby="users-heading" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{text.name}</th>
                  <th scope="col">{text.email}</th>
                  <th scope="col">{text.workPhone}</th>
                  <th scope="col">{text.role}</th>
                  <th scope="col">{text.status}</th>
                  <th scope="col">{text.lastLogin}</th>
                  <th scope="col">
                    <span className="visually-hidden">{text.changeRole}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} data-email={user.email}>
                    <td>
                      {user.name}
                      {user.id === viewer.id && text.you}
                    </td>
                    <td>{user.email}</td>
                    <td>{user.workPhone ?? ""}</td>
                    <td>{roles[user.role]}</td>
                    <td>
                      {user.active ? text.active : text.inactive}
                      {user.active && user.away && ` · ${messages.rules.away.status}`}
                    </td>
                    <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : text.never}</td>
                    <td>
                      <UserRowActions
                        user={{ id: user.id, name: user.name, role: user.role, active: user.active, away: user.away }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="new-user-heading">
          <h2 id="new-user-heading">{text.create}</h2>
          <p className="hint">{text.createHint}</p>
          <NewUserForm />
        </section>
        <section aria-labelledby="inventory-settings-heading">
          <h2 id="inventory-settings-heading">{messages.inventory.settings.title}</h2>
          <InventoryForm initial={settings.inventory} />
        </section>
        <section aria-labelledby="delivery-settings-heading">
          <h2 id="delivery-settings-heading">{messages.projectActuals.settings.title}</h2>
          <DeliveryForm initial={settings.delivery} />
          <h3 id="park-yardsticks-heading">{messages.projectActuals.settings.parks.title}</h3>
          <p className="hint">{messages.projectActuals.settings.parks.hint}</p>
          <ParkYardsticksForms
            workspace={settings.delivery}
            parks={parks.map((park) => ({ ...park, name: (locale === "en" && park.nameEn) || park.name }))}
          />
        </section>
        {demo && <DemoDataSection />}
      </>
    </I18nProvider>
  );
}
