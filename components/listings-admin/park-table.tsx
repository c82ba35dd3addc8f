import Link from "next/link";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages } from "@/lib/i18n/server";
import styles from "./listings-admin.module.css";

interface ParkRow {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  city: string;
  cityEn: string;
  contactPhone: string;
  listings: number;
  owner: { name: string; active: boolean } | null;
}

export async function ParkTable({ parks, editable }: { parks: ParkRow[]; editable: boolean }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = messages.listingsAdmin.parks;
  return (
    <div className="table-wrap" role="region" aria-label={t.title} tabIndex={0}>
      <table className={`data-table ${styles.stack}`} data-testid="parks">
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            <th scope="col">{t.columns.slug}</th>
            <th scope="col">{t.columns.city}</th>
            <th scope="col">{t.columns.owner}</th>
            <th scope="col">{t.columns.listings}</th>
            <th scope="col">{t.columns.contact}</th>
          </tr>
        </thead>
        <tbody>
          {parks.map((park) => (
            <tr key={park.id} data-park={park.slug}>
              <td data-label={t.columns.name}>
                {editable ? (
                  <Link href={`/crm/listings/parks/${park.id}`}>{localized(locale, park.name, park.nameEn)}</Link>
                ) : (
                  localized(locale, park.name, park.nameEn)
                )}
              </td>
              <td data-label={t.columns.slug}>
                <code>{park.slug}</code>
              </td>
              <td data-label={t.columns.city}>{localized(locale, park.city, park.cityEn)}</td>
              <td data-label={t.columns.owner}>
                {park.owner ? `${park.owner.name}${park.owner.active ? "" : t.inactiveOwner}` : t.noOwner}
              </td>
              <td data-label={t.columns.listings}>
                <Link href={`/crm/listings?park=${park.id}`}>{park.listings}</Link>
              </td>
              <td data-label={t.columns.contact}>{park.contactPhone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
