import Link from "next/link";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { I18nProvider } from "@/components/i18n-provider";
import { AreaFigures } from "@/components/inventory/grid/area-figures";
import { InventoryFilters } from "@/components/inventory/grid/inventory-filters";
import { InventoryGrid } from "@/components/inventory/grid/inventory-grid";
import styles from "@/components/inventory/grid/inventory.module.css";
import { StatusLegend } from "@/components/inventory/grid/status-legend";
import { PrintButton } from "@/components/reports/print-button";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { withoutEmptyParams } from "@/lib/http/query-params";
import { formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { managesInventory, seesFloorPrice } from "@/lib/inventory/access";
import { inventoryParks, parkBoard, RENDERED_CELLS } from "@/lib/inventory/grid/queries";
import { inventoryHref, parseInventoryParams, type InventoryParam } from "@/lib/inventory/grid/schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).inventory.grid.title };
}

/** /crm/inventory?park=…&kind=…&minArea=…&maxArea=…&status=…: one park's 租控表, for every workspace role. */
export default async function InventoryPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireUser();
  const params = await searchParams;
  const { park, filter, invalid } = parseInventoryParams(params);
  // The filter form sends every field; the address it should have been keeps only those that say something.
  if (withoutEmptyParams(params) !== null) redirect(inventoryHref(park, filter));
  const [db, locale, messages, t] = await Promise.all([getDb(), getLocale(), getMessages(), getTranslations()]);
  const text = messages.inventory.grid;
  const parks = await inventoryParks(db, viewer);
  const chosen = park ?? parks[0]?.slug;
  if (!chosen)
    return (
      <>
        <h1>{text.title}</h1>
        <p className="panel">{text.noParks}</p>
      </>
    );
  const grid = await parkBoard(db, viewer, chosen, filter, RENDERED_CELLS);
  if (!grid) notFound();
  const labels: Record<InventoryParam, string> = {
    park: text.park,
    kind: text.kind,
    minArea: `${text.area} ${text.min}`,
    maxArea: `${text.area} ${text.max}`,
    status: text.status,
  };
  const parkName = localized(locale, grid.park.name, grid.park.nameEn);
  return (
    <I18nProvider namespaces={["inventory", "vocabulary", "units", "kind", "validation"]}>
      <div className={styles.board}>
        <div className={styles.toolbar}>
          <h1>{t("inventory.grid.printedFor", { park: parkName })}</h1>
          <PrintButton label={text.print} className={`secondary ${styles.noPrint}`} />
          {managesInventory(viewer) && (
            <Link href="/crm/inventory/import" className={`button secondary ${styles.noPrint}`}>
              {messages.unitImport.link}
            </Link>
          )}
          {managesInventory(viewer) && (
            <Link
              href={`/crm/inventory/buildings/new?park=${grid.park.id}`}
              className={`button secondary ${styles.noPrint}`}
            >
              {messages.inventory.register.addBuilding}
            </Link>
          )}
        </div>
        <p className={`hint ${styles.noPrint}`}>{text.intro}</p>
        {invalid.length > 0 && (
          <p className="notice" role="alert">
            {t("inventory.grid.invalidFilter", { fields: invalid.map((name) => labels[name]).join("、") })}
          </p>
        )}
        <InventoryFilters park={grid.park.slug} parks={parks} filter={filter} />
        <StatusLegend />
        <section className={styles.parkTotals} aria-labelledby="park-totals">
          <h2 id="park-totals">{text.parkTotals}</h2>
          <AreaFigures totals={grid.totals} />
          <p className="meta">
            {t("inventory.grid.shown", {
              count: grid.shown.units,
              area: `${formatNumber(grid.shown.areaSqm, locale)} ${messages.units.sqm}`,
            })}
          </p>
        </section>
        {grid.shown.units === 0 ? (
          <p className="panel">{Object.keys(filter).length > 0 ? text.nothingShown : text.noBuildings}</p>
        ) : (
          <InventoryGrid
            buildings={grid.buildings}
            source={inventoryHref(grid.park.slug, filter).replace("/crm/inventory?", "/crm/inventory/cells?")}
            showFloorPrice={seesFloorPrice(viewer)}
          />
        )}
      </div>
    </I18nProvider>
  );
}
