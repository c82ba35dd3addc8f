import type { Metadata } from "next";
import Link from "next/link";
import { ParkForm } from "@/components/listings-admin/park-form";
import { requireRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { parkOwnerOptions } from "@/lib/parks/queries";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).listingsAdmin.parks.newParkTitle };
}

export default async function NewParkPage() {
  const viewer = await requireRole("ADMIN");
  const [db, messages] = await Promise.all([getDb(), getMessages()]);
  const owners = await parkOwnerOptions(db, viewer);
  const blank = {
    slug: "",
    name: "",
    nameEn: "",
    city: "",
    cityEn: "",
    address: "",
    addressEn: "",
    description: "",
    descriptionEn: "",
    totalAreaMu: "",
    operatorName: "",
    contactPhone: "",
    ownerId: "",
  };
  return (
    <I18nProvider namespaces={["inquiry", "listingsAdmin", "validation"]}>
      <>
        <p className="meta">
          <Link href="/crm/listings/parks">{messages.listingsAdmin.parks.back}</Link>
        </p>
        <h1>{messages.listingsAdmin.parks.newParkTitle}</h1>
        <ParkForm defaults={blank} owners={owners} />
      </>
    </I18nProvider>
  );
}
