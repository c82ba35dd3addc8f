import { formatArea, formatDate, formatNumber, formatPrice } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { industryLabel } from "@/lib/listings/industries";
import type { PublicListing } from "@/lib/listings/queries";

/** The spec sheet: only what the listing states, in the reader's language and units. */
export async function ListingSpecs({ listing }: { listing: PublicListing }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = messages.listing;
  const rows: [string, string | null][] = [
    [
      messages.listings.kind,
      listing.factoryType ? messages.factoryType[listing.factoryType] : messages.kind[listing.kind],
    ],
    [messages.listings.deal, messages.deal[listing.deal]],
    [t.price, formatPrice(listing.price, listing.priceUnit, locale, messages)],
    [t.area, formatArea(listing.area, listing.areaUnit, locale, messages)],
    [t.availableArea, formatArea(listing.availableArea, listing.areaUnit, locale, messages)],
    [
      t.split,
      listing.minSplitArea
        ? t.splitFrom.replace("{area}", formatArea(listing.minSplitArea, listing.areaUnit, locale, messages))
        : null,
    ],
    [
      t.floorHeight,
      listing.floorHeightM ? `${formatNumber(listing.floorHeightM, locale)} ${messages.units.metre}` : null,
    ],
    [
      t.floorLoad,
      listing.floorLoadKgPerSqm
        ? `${formatNumber(listing.floorLoadKgPerSqm, locale)} ${messages.units.kgPerSqm}`
        : null,
    ],
    [t.power, listing.powerKva ? `${formatNumber(listing.powerKva, locale)} ${messages.units.kva}` : null],
    [t.propertyTerm, listing.propertyTermYears ? t.years.replace("{years}", String(listing.propertyTermYears)) : null],
    [t.landUseType, listing.landUseType ? localized(locale, listing.landUseType, listing.landUseTypeEn) : null],
    [t.structure, listing.structure ? localized(locale, listing.structure, listing.structureEn) : null],
    [t.storeys, listing.storeys ? String(listing.storeys) : null],
    [t.availableFrom, listing.availableFrom ? formatDate(listing.availableFrom, locale) : null],
    [
      t.industries,
      listing.industries.length ? listing.industries.map((code) => industryLabel(code, locale)).join("、") : null,
    ],
  ];
  return (
    <dl className="specs" data-testid="listing-specs">
      {rows
        .filter((row): row is [string, string] => row[1] !== null)
        .map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
