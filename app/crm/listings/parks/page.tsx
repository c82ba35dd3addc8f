import type { Metadata } from "next";
import Link from "next/link";
import { ParkTable } from "@/components/listings-admin/park-table";
import styles from "@/components/listings-admin/listings-admin.module.css";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { listParks } from "@/lib/parks/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).listingsAdmin.parks.title };
}

/** Every workspace role reads the parks; only admins get the links to create and edit them (the lib/ checks decide). */
export default async function ParksPage() {
  const viewer = await requireUser();
  const [db, messages] = await Promise.all([getDb(), getMessages()]);
  const parks = await listParks(db, viewer);
  const text = messages.listingsAdmin;
  const admin = viewer.role === "ADMIN";
  return (
    <>
      <p className="meta">
        <Link href="/crm/listings">{text.backToList}</Link>
      </p>
      <div className={styles.heading}>
        <h1>{text.parks.title}</h1>
        {admin && (
          <Link href="/crm/listings/parks/new" className="button accent">
            {text.parks.newPark}
          </Link>
        )}
      </div>
      {!admin && <p className="meta">{text.parks.readOnly}</p>}
      {parks.length === 0 ? <p>{text.parks.empty}</p> : <ParkTable parks={parks} editable={admin} />}
    </>
  );
}
