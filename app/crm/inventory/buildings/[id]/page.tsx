import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { I18nProvider } from "@/components/i18n-provider";
import { BuildingForm } from "@/components/inventory/register/building-form";
import { BuildingFacts } from "@/components/inventory/register/building-facts";
import { UnitsTable, type UnitRow } from "@/components/inventory/register/units-table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formatArea, formatDate, formatPrice } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import { buildingForEdit, type RegisterUnit } from "@/lib/inventory/register/queries";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).inventory.register.building.title };
}

/** /crm/inventory/buildings/[id]: a building and its units; managers and admins edit, every other role reads. */
export default async function BuildingPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const viewer = await requireUser();
  const [{ id }, query, db, locale, messages, t] = await Promise.all([
    params,
    searchParams,
    getDb(),
    getLocale(),
    getMessages(),
    getTranslations(),
  ]);
  const building = await buildingForEdit(db, viewer, id);
  if (!building) notFound();
  const text = messages.inventory.register;
  const price = (value: string | null, unit: RegisterUnit["priceUnit"]) =>
    value && unit ? formatPrice(value, unit, locale, messages) : text.units.noPrice;
  const rows: UnitRow[] = building.units.map((unit) => ({
    id: unit.id,
    version: unit.version,
    number: unit.number,
    floorText: unit.floor === null ? text.units.noFloor : String(unit.floor),
    areaText: formatArea(unit.area, unit.areaUnit, locale, messages),
    listPriceText: price(unit.listPrice, unit.priceUnit),
    floorPriceText: building.seesFloorPrice ? price(unit.floorPrice, unit.priceUnit) : null,
    status: unit.status,
    statusText: term(messages.vocabulary, "unitStatus", unit.status),
    sinceText: t("inventory.register.units.since", { date: formatDate(new Date(unit.statusChangedAt), locale) }),
    listing: unit.listing && {
      id: unit.listing.id,
      title: localized(locale, unit.listing.title, unit.listing.titleEn),
    },
    removable: unit.removable,
    values: {
      buildingId: building.id,
      floor: unit.floor === null ? "" : String(unit.floor),
      number: unit.number,
      area: unit.area,
      areaUnit: unit.areaUnit,
      listPrice: unit.listPrice ?? "",
      floorPrice: unit.floorPrice ?? "",
      priceUnit: unit.priceUnit ?? "",
    },
  }));
  const name = localized(locale, building.name, building.nameEn);
  return (
    <I18nProvider namespaces={["factoryType", "inquiry", "inventory", "kind", "units", "validation"]}>
      <>
        <p className="meta">
          <Link href={`/crm/inventory?park=${building.park.slug}`}>{text.backToInventory}</Link>
          {" · "}
          {localized(locale, building.park.name, building.park.nameEn)}
        </p>
        <h1>{t("inventory.register.buildingTitle", { name })}</h1>
        {query.created && (
          <p className="form-ok" role="status">
            {text.building.created}
          </p>
        )}
        {building.manages ? (
          <BuildingForm
            defaults={{ ...building.values, parkId: building.park.id }}
            target={{
              id: building.id,
              updatedAt: building.values.updatedAt,
              name: building.name,
              removable: building.units.length === 0,
            }}
          />
        ) : (
          <>
            <p className="notice">{text.readOnly}</p>
            <BuildingFacts values={building.values} />
          </>
        )}
        <UnitsTable
          rows={rows}
          manages={building.manages}
          context={{ buildingId: building.id, land: building.kind === "LAND", seesFloorPrice: building.seesFloorPrice }}
        />
      </>
    </I18nProvider>
  );
}
