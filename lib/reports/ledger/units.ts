import { formatArea } from "../../i18n/format";
import { localized } from "../../i18n/localized";
import type { Locale, Messages } from "../../i18n/messages";

/** One unit a lead signed for or moved into, as the ledger's query reads it (in grid order). */
export interface LedgerUnit {
  building: string;
  buildingEn: string;
  number: string;
  area: number;
  areaUnit: "SQM" | "MU";
  areaSqm: number;
}

/**
 * A signed lead's units in one cell: numbers grouped by building, then the area they add up to —
 * "3号楼 201、202；5号楼 101（3,600 m²）". Plots measured in 亩 add up in 亩; as soon as one unit is a
 * floor area, the sum is in m² (a plot's area in m² is kept beside it).
 */
export function unitsText(
  units: readonly LedgerUnit[] | null,
  { locale, messages }: { locale: Locale; messages: Messages },
): string | null {
  if (!units || units.length === 0) return null;
  const text = messages.reportsExport.sheet.units;
  const buildings = new Map<string, string[]>();
  for (const unit of units) {
    const name = localized(locale, unit.building, unit.buildingEn || null);
    buildings.set(name, [...(buildings.get(name) ?? []), unit.number]);
  }
  const allMu = units.every((unit) => unit.areaUnit === "MU");
  const sum = units.reduce((total, unit) => total + (allMu ? unit.area : unit.areaSqm), 0);
  const names = [...buildings].map(([building, numbers]) => `${building} ${numbers.join(text.numbers)}`);
  return text.text
    .replace("{units}", names.join(text.buildings))
    .replace("{area}", formatArea(Math.round(sum * 100) / 100, allMu ? "MU" : "SQM", locale, messages));
}
