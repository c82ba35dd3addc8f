import type { Metadata } from "next";
import Link from "next/link";
import { ListingForm } from "@/components/listings-admin/listing-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { ListingInput } from "@/lib/listings/admin/schema";
import { listParks } from "@/lib/parks/queries";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).listingsAdmin.newListingTitle };
}

/** A new listing starts unpublished, so photos can be added before the public sees it. */
const blank: ListingInput = {
  parkId: "",
  title: "",
  titleEn: "",
  kind: "FACTORY",
  factoryType: "",
  deal: "LEASE",
  published: false,
  unitIds: [],
  buildingId: "",
  address: "",
  addressEn: "",
  area: "",
  areaUnit: "SQM",
  minSplitArea: "",
  price: "",
  priceUnit: "YUAN_PER_SQM_DAY",
  floorHeightM: "",
  floorLoadKgPerSqm: "",
  powerKva: "",
  propertyTermYears: "",
  landUseType: "",
  landUseTypeEn: "",
  structure: "",
  structureEn: "",
  storeys: "",
  industries: [],
  highlights: "",
  highlightsEn: "",
  description: "",
  descriptionEn: "",
  availableFrom: "",
};

export default async function NewListingPage() {
  const viewer = await requireUser();
  const [db, locale, messages] = await Promise.all([getDb(), getLocale(), getMessages()]);
  const parks = await listParks(db, viewer);
  return (
    <I18nProvider
      namespaces={["deal", "factoryType", "inquiry", "kind", "listingsAdmin", "units", "validation", "vocabulary"]}
    >
      <>
        <p className="meta">
          <Link href="/crm/listings">{messages.listingsAdmin.backToList}</Link>
        </p>
        <h1>{messages.listingsAdmin.newListingTitle}</h1>
        <ListingForm
          parks={parks.map((park) => ({ id: park.id, label: localized(locale, park.name, park.nameEn) }))}
          defaults={blank}
        />
      </>
    </I18nProvider>
  );
}
