import Link from "next/link";
import { formatArea, formatDateTime, formatPrice } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { StaffListingRow } from "@/lib/listings/admin/queries";
import styles from "./listings-admin.module.css";

export async function ListingTable({ listings }: { listings: StaffListingRow[] }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = messages.listingsAdmin;
  return (
    <div className="table-wrap" role="region" aria-label={t.title} tabIndex={0}>
      <table className={`data-table ${styles.stack}`} data-testid="staff-listings">
        <thead>
          <tr>
            <th scope="col">{t.columns.title}</th>
            <th scope="col">{t.columns.park}</th>
            <th scope="col">{t.columns.kind}</th>
            <th scope="col">{t.columns.area}</th>
            <th scope="col">{t.columns.price}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.published}</th>
            <th scope="col">{t.columns.photos}</th>
            <th scope="col">{t.columns.updated}</th>
          </tr>
        </thead>
        <tbody>
          {listings.map((listing) => (
            <tr key={listing.id} data-listing={listing.id}>
              <td data-label={t.columns.title}>
                <Link href={`/crm/listings/${listing.id}`}>{localized(locale, listing.title, listing.titleEn)}</Link>
              </td>
              <td data-label={t.columns.park}>{localized(locale, listing.park.name, listing.park.nameEn)}</td>
              <td data-label={t.columns.kind}>
                {messages.deal[listing.deal]} ·{" "}
                {listing.factoryType ? messages.factoryType[listing.factoryType] : messages.kind[listing.kind]}
              </td>
              <td data-label={t.columns.area}>{formatArea(listing.area, listing.areaUnit, locale, messages)}</td>
              <td data-label={t.columns.price}>{formatPrice(listing.price, listing.priceUnit, locale, messages)}</td>
              <td data-label={t.columns.status}>
                <span className={`tag status-${listing.status}`}>{messages.status[listing.status]}</span>
              </td>
              <td
                data-label={t.columns.published}
                className={listing.published ? styles.published : styles.unpublished}
              >
                {listing.published ? t.publishedOptions.yes : t.publishedOptions.no}
              </td>
              <td data-label={t.columns.photos}>{listing.photoCount}</td>
              <td data-label={t.columns.updated}>{formatDateTime(new Date(listing.updatedAt), locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
