"use client";
import Link from "next/link";
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "use-intl";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import type { GridBuilding, GridUnit } from "@/lib/inventory/grid/queries";
import { AreaFigures } from "./area-figures";
import { cellDate, floorLabel, unitArea } from "./cell-text";
import styles from "./inventory.module.css";
import { SelectionPanel } from "./selection-panel";

/** A unit with where it stands in the board: its building's name, and its place in reading order. */
export interface PlacedUnit extends GridUnit {
  buildingName: string;
  /** "1号楼 101" */
  label: string;
}

type Modifier = "replace" | "toggle" | "range";

/**
 * The 租控表's buildings as ARIA grids (one tab stop each, arrow keys move between cells: a roving tabindex)
 * and the side panel of what is selected. Click, Enter or Space selects a cell; Ctrl/⌘ adds or removes it,
 * Shift selects the run from the last one chosen; "Multi-select" makes a tap add, for a tablet without keys.
 */
export function InventoryGrid({ buildings, showFloorPrice }: { buildings: GridBuilding[]; showFloorPrice: boolean }) {
  const t = useTranslations("inventory.grid");
  const status = useTranslations("vocabulary.unitStatus");
  const kind = useTranslations("kind");
  const areaWords = useTranslations("units");
  const words = { sqm: areaWords("sqm"), mu: areaWords("mu") };
  const locale = useLocale() as Locale;
  const units = useMemo(() => placed(buildings, locale), [buildings, locale]);
  const order = useMemo(() => units.map((unit) => unit.id), [units]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [multi, setMulti] = useState(false);
  // The cell of each building that takes the tab stop: the last one focused there, else its first.
  const [active, setActive] = useState<Record<string, string>>({});
  const cells = useRef(new Map<string, HTMLDivElement>());

  const choose = (id: string, modifier: Modifier) => {
    setSelected((current) => {
      if (modifier === "toggle") {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }
      if (modifier === "range" && anchor) {
        const [from, to] = [order.indexOf(anchor), order.indexOf(id)].sort((a, b) => a - b);
        return new Set([...current, ...order.slice(from, to + 1)]);
      }
      return current.size === 1 && current.has(id) ? new Set() : new Set([id]);
    });
    if (modifier !== "range") setAnchor(id);
  };
  const modifierOf = (event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): Modifier =>
    event.shiftKey ? "range" : event.ctrlKey || event.metaKey || multi ? "toggle" : "replace";

  const focusCell = (buildingId: string, id: string | undefined) => {
    if (!id) return;
    setActive((current) => ({ ...current, [buildingId]: id }));
    cells.current.get(id)?.focus();
  };

  const onKeyDown = (building: GridBuilding, row: number, column: number, event: KeyboardEvent<HTMLDivElement>) => {
    const rows = building.floors;
    const at = (r: number, c: number) => {
      const cellsOfRow = rows[r]?.units;
      return cellsOfRow?.[Math.min(c, cellsOfRow.length - 1)]?.id;
    };
    const target: Record<string, () => string | undefined> = {
      ArrowRight: () => at(row, column + 1),
      ArrowLeft: () => (column > 0 ? at(row, column - 1) : undefined),
      ArrowDown: () => at(row + 1, column),
      ArrowUp: () => (row > 0 ? at(row - 1, column) : undefined),
      Home: () => (event.ctrlKey ? at(0, 0) : at(row, 0)),
      End: () => (event.ctrlKey ? rows.at(-1)?.units.at(-1)?.id : rows[row].units.at(-1)?.id),
    };
    if (event.key in target) {
      event.preventDefault();
      focusCell(building.id, target[event.key]());
    } else if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      choose(rows[row].units[column].id, modifierOf(event));
    } else if (event.key === "Escape" && selected.size > 0) {
      event.preventDefault();
      setSelected(new Set());
    }
  };

  const chosen = units.filter((unit) => selected.has(unit.id));
  return (
    <div className={styles.layout}>
      <div className={styles.buildings}>
        <div className={`${styles.noPrint} ${styles.bar}`}>
          <button
            type="button"
            className="button secondary"
            aria-pressed={multi}
            onClick={() => setMulti((value) => !value)}
          >
            {t("multi")}
          </button>
        </div>
        {buildings.map((building) => {
          // A refresh or a filter may have taken the remembered cell away: the first cell stands in for it.
          const remembered = active[building.id];
          const present = building.floors.some((floor) => floor.units.some((unit) => unit.id === remembered));
          const tabStop = present ? remembered : building.floors[0]?.units[0]?.id;
          const name = localized(locale, building.name, building.nameEn);
          return (
            <section key={building.id} className={styles.building} aria-labelledby={`building-${building.id}`}>
              <header className={styles.buildingHeader}>
                <h2 id={`building-${building.id}`}>
                  <Link href={`/crm/inventory/buildings/${building.id}`}>{name}</Link>
                </h2>
                <span className={styles.buildingMeta}>
                  {[
                    kind(building.kind),
                    building.storeys ? t("storeys", { count: building.storeys }) : null,
                    t("units", { count: building.unitCount }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                <AreaFigures totals={building.totals} />
              </header>
              {building.floors.length > 0 && (
                <div className={styles.scroller}>
                  <div role="grid" aria-label={t("gridLabel", { building: name })} className={styles.grid}>
                    {building.floors.map((floor, row) => (
                      <div role="row" key={floor.floor ?? "none"} className={styles.row}>
                        <div role="rowheader" className={styles.floor}>
                          {floorLabel(floor.floor, t)}
                        </div>
                        {floor.units.map((unit, column) => (
                          <div
                            key={unit.id}
                            role="gridcell"
                            ref={(node) => {
                              if (node) cells.current.set(unit.id, node);
                              else cells.current.delete(unit.id);
                            }}
                            tabIndex={unit.id === tabStop ? 0 : -1}
                            aria-selected={selected.has(unit.id)}
                            className={`${styles.cell} ${styles[unit.status]}`}
                            data-unit={unit.id}
                            onClick={(event) => choose(unit.id, modifierOf(event))}
                            onKeyDown={(event) => onKeyDown(building, row, column, event)}
                            onFocus={() => setActive((current) => ({ ...current, [building.id]: unit.id }))}
                          >
                            <span className={styles.number}>{unit.number}</span>
                            <span>{unitArea(unit, locale, words)}</span>
                            <span className={styles.word}>{status(unit.status)}</span>
                            {unit.lead && <span className={styles.lead}>{unit.lead.company}</span>}
                            {unit.heldUntil && <span>{t("until", { time: cellDate(unit.heldUntil, locale) })}</span>}
                          </div>
                        ))}
                      </div>
                    ))}
                  </div>
                </div>
              )}
            </section>
          );
        })}
      </div>
      <SelectionPanel units={chosen} showFloorPrice={showFloorPrice} onClear={() => setSelected(new Set())} />
    </div>
  );
}

function placed(buildings: GridBuilding[], locale: Locale): PlacedUnit[] {
  return buildings.flatMap((building) => {
    const name = localized(locale, building.name, building.nameEn);
    return building.floors.flatMap((floor) =>
      floor.units.map((unit) => ({ ...unit, buildingName: name, label: `${name} ${unit.number}` })),
    );
  });
}
