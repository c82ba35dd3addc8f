"use client";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { flushSync } from "react-dom";
import { useLocale, useTranslations } from "use-intl";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import { cellBuilding, floorsOfCells, unitOfCell, type Cell, type GridUnit } from "@/lib/inventory/grid/cell";
import type { BoardBuilding } from "@/lib/inventory/grid/queries";
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
type Floors = { floor: number | null; units: GridUnit[] }[];

/** How far beyond the viewport a building's cells are mounted, so scrolling rarely meets an empty block. */
const AHEAD = "1500px 0px";

// A building's units, made from its cells when it is first shown: once for each text of cells read.
const made = new WeakMap<Cell[], Floors>();
function unitsOf(cells: Cell[], withFloorPrice: boolean): Floors {
  let floors = made.get(cells);
  if (!floors) {
    floors = floorsOfCells(cells, (cell) => unitOfCell(cell, withFloorPrice));
    made.set(cells, floors);
  }
  return floors;
}

/**
 * The 租控表's buildings as ARIA grids (one tab stop each, arrow keys move between cells: a roving tabindex)
 * and the side panel of what is selected. Click, Enter or Space selects a cell; Ctrl/⌘ adds or removes it,
 * Shift selects the run from the last one chosen; "Multi-select" makes a tap add, for a tablet without keys.
 *
 * A park may have 20,000 units: the first buildings come with their cells and are rendered with the page; the
 * cells of the others are fetched from `source` (GET /crm/inventory/cells, one JSON text of cells: cell.ts) once
 * the page runs, again whenever the page is refreshed, and a building's cells are mounted when it nears the
 * viewport, when the keyboard reaches its block, and all of them before printing. Until then the block keeps
 * its size and its header with the building's figures.
 */
export function InventoryGrid({
  buildings,
  source,
  showFloorPrice,
}: {
  buildings: BoardBuilding[];
  source: string;
  showFloorPrice: boolean;
}) {
  const t = useTranslations("inventory.grid");
  const status = useTranslations("vocabulary.unitStatus");
  const kind = useTranslations("kind");
  const areaWords = useTranslations("units");
  const words = { sqm: areaWords("sqm"), mu: areaWords("mu") };
  const locale = useLocale() as Locale;
  const [later, setLater] = useState<{ source: string; cells: Cell[] } | null>(null);
  const incomplete = buildings.some((building) => building.cells === null);
  useEffect(() => {
    if (!incomplete) return;
    const aborted = new AbortController();
    fetch(source, { signal: aborted.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Cell[]>) : null))
      .then((cells) => cells && setLater({ source, cells }))
      // A failed fetch leaves those buildings' blocks waiting; the next refresh of the page asks again.
      .catch(() => {});
    return () => aborted.abort();
  }, [buildings, source, incomplete]);
  const cellsOf = useMemo(() => {
    const map = new Map<string, Cell[]>();
    for (const building of buildings) if (building.cells) map.set(building.head.id, building.cells);
    const sent = new Set(map.keys());
    // Cells fetched for the same filter: after a refresh, the last ones stand until the new ones arrive.
    if (later?.source === source)
      for (const cell of later.cells) {
        const id = cellBuilding(cell);
        if (sent.has(id)) continue;
        const own = map.get(id);
        if (own) own.push(cell);
        else map.set(id, [cell]);
      }
    return map;
  }, [buildings, later, source]);
  const names = useMemo(
    () => new Map(buildings.map(({ head }) => [head.id, localized(locale, head.name, head.nameEn)])),
    [buildings, locale],
  );
  // Every cell the board knows, in reading order: a Shift run may cross a building not yet mounted.
  const byId = useMemo(() => {
    const map = new Map<string, Cell>();
    for (const { head } of buildings) for (const cell of cellsOf.get(head.id) ?? []) map.set(cell[0], cell);
    return map;
  }, [buildings, cellsOf]);
  const order = useMemo(() => [...byId.keys()], [byId]);

  const [mounted, setMounted] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [multi, setMulti] = useState(false);
  // The cell of each building that takes the tab stop: the last one focused there, else its first.
  const [active, setActive] = useState<Record<string, string>>({});
  const cells = useRef(new Map<string, HTMLDivElement>());
  const board = useRef<HTMLDivElement>(null);

  const floorsOf = (id: string): Floors | null => {
    const own = cellsOf.get(id);
    return own ? unitsOf(own, showFloorPrice) : null;
  };
  const shows = (building: BoardBuilding) =>
    building.cells !== null || (mounted.has(building.head.id) && cellsOf.has(building.head.id));
  const mount = (ids: string[]) =>
    setMounted((current) => (ids.every((id) => current.has(id)) ? current : new Set([...current, ...ids])));

  const waiting = buildings.filter((building) => !shows(building)).length;
  useEffect(() => {
    if (waiting === 0 || !board.current) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((entry) => entry.isIntersecting);
        if (near.length > 0) mount(near.map((entry) => (entry.target as HTMLElement).dataset.pending ?? ""));
      },
      { rootMargin: AHEAD },
    );
    board.current.querySelectorAll("[data-pending]").forEach((node) => observer.observe(node));
    return () => observer.disconnect();
  }, [waiting]);

  // A3 on paper shows every unit: every building is mounted before the page is printed.
  useEffect(() => {
    const all = () => flushSync(() => mount(buildings.map(({ head }) => head.id)));
    const print = window.matchMedia("print");
    const onChange = (event: MediaQueryListEvent) => event.matches && all();
    window.addEventListener("beforeprint", all);
    print.addEventListener("change", onChange);
    return () => {
      window.removeEventListener("beforeprint", all);
      print.removeEventListener("change", onChange);
    };
  }, [buildings]);

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

  // The keyboard reached a building not yet mounted: its cells are mounted and its first one takes the focus.
  // Before its cells have arrived, the block stays the building's tab stop and is mounted when they come.
  const reach = (buildingId: string) => {
    flushSync(() => mount([buildingId]));
    focusCell(buildingId, cellsOf.get(buildingId)?.[0]?.[0]);
  };

  const onKeyDown = (
    buildingId: string,
    rows: Floors,
    row: number,
    column: number,
    event: KeyboardEvent<HTMLDivElement>,
  ) => {
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
      focusCell(buildingId, target[event.key]());
    } else if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      choose(rows[row].units[column].id, modifierOf(event));
    } else if (event.key === "Escape" && selected.size > 0) {
      event.preventDefault();
      setSelected(new Set());
    }
  };

  const chosen = order
    .filter((id) => selected.has(id))
    .map((id): PlacedUnit => {
      const cell = byId.get(id)!;
      const buildingName = names.get(cellBuilding(cell)) ?? "";
      return { ...unitOfCell(cell, showFloorPrice), buildingName, label: `${buildingName} ${cell[3]}` };
    });

  return (
    <div className={styles.layout}>
      <div className={styles.buildings} ref={board}>
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
          const { head, rows } = building;
          const name = names.get(head.id) ?? head.name;
          const floors = shows(building) ? floorsOf(head.id) : null;
          // A refresh or a filter may have taken the remembered cell away: the first cell stands in for it.
          const remembered = active[head.id];
          const present = floors?.some((floor) => floor.units.some((unit) => unit.id === remembered));
          const tabStop = present ? remembered : floors?.[0]?.units[0]?.id;
          return (
            <section key={head.id} className={styles.building} aria-labelledby={`building-${head.id}`}>
              <header className={styles.buildingHeader}>
                <h2 id={`building-${head.id}`}>
                  <Link href={`/crm/inventory/buildings/${head.id}`}>{name}</Link>
                </h2>
                <span className={styles.buildingMeta}>
                  {[
                    kind(head.kind),
                    head.storeys ? t("storeys", { count: head.storeys }) : null,
                    t("units", { count: head.unitCount }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                <AreaFigures totals={head.totals} />
              </header>
              {rows > 0 && !floors && (
                // Stands at the building's size until its cells are mounted; the keyboard's stop mounts them.
                <div
                  role="grid"
                  aria-label={t("gridLabel", { building: name })}
                  aria-busy="true"
                  tabIndex={0}
                  data-pending={head.id}
                  className={styles.pending}
                  style={{ "--rows": rows } as CSSProperties}
                  onFocus={() => reach(head.id)}
                />
              )}
              {floors && floors.length > 0 && (
                <div className={styles.scroller}>
                  <div role="grid" aria-label={t("gridLabel", { building: name })} className={styles.grid}>
                    {floors.map((floor, row) => (
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
                            onKeyDown={(event) => onKeyDown(head.id, floors, row, column, event)}
                            onFocus={() => setActive((current) => ({ ...current, [head.id]: unit.id }))}
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
