import type { Metadata } from "next";
import Link from "next/link";
import { AdminPager } from "@/components/listings-admin/admin-pager";
import { ListingAdminFilters } from "@/components/listings-admin/listing-admin-filters";
import { ListingTable } from "@/components/listings-admin/listing-table";
import styles from "@/components/listings-admin/listings-admin.module.css";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { listListingsForStaff } from "@/lib/listings/admin/queries";
import { listParks } from "@/lib/parks/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).listingsAdmin.title };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function StaffListingsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireUser();
  const [params, db, locale, messages, t] = await Promise.all([
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const raw = Object.fromEntries(
    ["park", "kind", "status", "published", "page"].map((name) => [name, first(params[name])]),
  );
  const [result, parks] = await Promise.all([listListingsForStaff(db, viewer, raw), listParks(db, viewer)]);
  const text = messages.listingsAdmin;

  const kept = new URLSearchParams();
  for (const [name, value] of Object.entries(result.filter))
    if (name !== "page" && value !== undefined) kept.set(name, String(value));

  return (
    <>
      <div className={styles.heading}>
        <h1>{text.title}</h1>
        <div className="row-actions">
          <Link href="/crm/listings/parks" className="button secondary">
            {text.parksLink}
          </Link>
          <Link href="/crm/listings/new" className="button accent">
            {text.newListing}
          </Link>
        </div>
      </div>
      <ListingAdminFilters
        filter={result.filter}
        parks={parks.map((park) => ({ id: park.id, label: localized(locale, park.name, park.nameEn) }))}
      />
      <p className="meta" data-testid="staff-listing-count">
        {t("listingsAdmin.count", { count: result.total })}
      </p>
      {result.listings.length === 0 ? <p>{text.empty}</p> : <ListingTable listings={result.listings} />}
      <AdminPager
        path="/crm/listings"
        page={result.page}
        pages={result.pages}
        params={kept}
        labels={{
          page: t("listingsAdmin.page", { page: result.page, pages: result.pages }),
          previous: text.previous,
          next: text.next,
        }}
      />
    </>
  );
}
