import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { I18nProvider } from "@/components/i18n-provider";
import { BuildingForm } from "@/components/inventory/register/building-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { managesInventory } from "@/lib/inventory/access";
import { parkForNewBuilding } from "@/lib/inventory/register/queries";
import type { BuildingInput } from "@/lib/inventory/register/schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).inventory.register.newBuildingTitle };
}

export default async function NewBuildingPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireUser();
  const [query, db, locale, messages, t] = await Promise.all([
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const parkId = typeof query.park === "string" ? query.park : "";
  const park = parkId ? await parkForNewBuilding(db, viewer, parkId) : null;
  if (!park) notFound();
  const text = messages.inventory.register;
  const blank: BuildingInput = {
    parkId: park.id,
    name: "",
    nameEn: "",
    kind: "FACTORY",
    factoryType: "",
    storeys: "",
    structure: "",
    structureEn: "",
    floorHeightM: "",
    floorLoadKgPerSqm: "",
    powerKva: "",
    completionYear: "",
    propertyTermYears: "",
    position: "",
  };
  return (
    <I18nProvider namespaces={["factoryType", "inquiry", "inventory", "kind", "validation"]}>
      <>
        <p className="meta">
          <Link href={`/crm/inventory?park=${park.slug}`}>{text.backToInventory}</Link>
        </p>
        <h1>{t("inventory.register.newBuildingIn", { park: localized(locale, park.name, park.nameEn) })}</h1>
        {managesInventory(viewer) ? <BuildingForm defaults={blank} /> : <p className="notice">{text.readOnly}</p>}
      </>
    </I18nProvider>
  );
}
