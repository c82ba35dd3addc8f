import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListingEditor } from "@/components/listings-admin/listing-editor";
import { ListingPhotos } from "@/components/listings-admin/listing-photos";
import styles from "@/components/listings-admin/listings-admin.module.css";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listingForEdit } from "@/lib/listings/admin/queries";
import { listParks } from "@/lib/parks/queries";
import { I18nProvider } from "@/components/i18n-provider";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).listingsAdmin.title };
}

export default async function EditListingPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const viewer = await requireUser();
  const [{ id }, query, db, locale, messages, t] = await Promise.all([
    params,
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const [listing, parks] = await Promise.all([listingForEdit(db, viewer, id), listParks(db, viewer)]);
  if (!listing) notFound();
  const text = messages.listingsAdmin;
  return (
    <I18nProvider
      namespaces={[
        "deal",
        "factoryType",
        "inquiry",
        "kind",
        "listingsAdmin",
        "status",
        "units",
        "validation",
        "vocabulary",
      ]}
    >
      <div className={styles.layout}>
        <div>
          <p className="meta">
            <Link href="/crm/listings">{text.backToList}</Link>
            {" · "}
            {listing.published ? (
              <Link href={`/listings/${listing.id}`} target="_blank">
                {text.viewPublic}
              </Link>
            ) : (
              <span>{text.notPublicYet}</span>
            )}
          </p>
          <h1>{t("listingsAdmin.editTitle", { title: localized(locale, listing.title, listing.titleEn) })}</h1>
          {query.created && (
            <p className="form-ok" role="status">
              {text.form.created}
            </p>
          )}
        </div>
        <ListingEditor
          key={listing.id}
          listing={listing}
          parks={parks.map((park) => ({ id: park.id, label: localized(locale, park.name, park.nameEn) }))}
        >
          <ListingPhotos listingId={listing.id} photos={listing.photos} />
        </ListingEditor>
      </div>
    </I18nProvider>
  );
}
