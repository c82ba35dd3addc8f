import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ParkForm } from "@/components/listings-admin/park-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { parkForEdit, parkOwnerOptions } from "@/lib/parks/queries";
import { I18nProvider } from "@/components/i18n-provider";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).listingsAdmin.parks.title };
}

export default async function EditParkPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const viewer = await requireRole("ADMIN");
  const [{ id }, query, db, locale, messages, t] = await Promise.all([
    params,
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const park = await parkForEdit(db, viewer, id);
  if (!park) notFound();
  const owners = await parkOwnerOptions(db, viewer, park.ownerId);
  return (
    <I18nProvider namespaces={["inquiry", "listingsAdmin", "validation"]}>
      <>
        <p className="meta">
          <Link href="/crm/listings/parks">{messages.listingsAdmin.parks.back}</Link>
        </p>
        <h1>{t("listingsAdmin.parks.editTitle", { name: localized(locale, park.name, park.nameEn) })}</h1>
        {query.created && (
          <p className="form-ok" role="status">
            {messages.listingsAdmin.parks.form.created}
          </p>
        )}
        <ParkForm
          key={park.id}
          defaults={park.values}
          owners={owners}
          target={{ id: park.id, updatedAt: park.updatedAt }}
        />
      </>
    </I18nProvider>
  );
}
