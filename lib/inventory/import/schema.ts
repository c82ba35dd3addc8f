import { z } from "zod";

/*
 * The buildings-and-units import (租控表): what a column can be read as, a row's values as ImportRow.values
 * keeps them, and the mapping form's schema. Client-safe: the mapping form checks itself with it.
 * The import's other steps (upload, choices, start, undo) are the importer's own (lib/leads/import).
 */

export const UNIT_IMPORT_FIELDS = [
  "building",
  "floor",
  "number",
  "area",
  /** an area column whose header names its unit ("面积（亩）") */
  "areaMu",
  "areaSqm",
  "kind",
  "floorHeight",
  "floorLoad",
  "power",
  "structure",
  "storeys",
  "completionYear",
  "propertyTerm",
  /** 单价/售价: a sale price unless the header or the price unit column says otherwise */
  "listPrice",
  /** 租金: a monthly rent per m² unless the header or the price unit column says otherwise */
  "rent",
  "priceUnit",
  /** 底价: taken only from a file a manager or admin imports */
  "floorPrice",
  "status",
] as const;
export type UnitImportField = (typeof UNIT_IMPORT_FIELDS)[number];

/** Fields that name one value however many ways a column can hold it: at most one column each. */
const SAME_VALUE: Partial<Record<UnitImportField, string>> = {
  area: "area",
  areaMu: "area",
  areaSqm: "area",
  listPrice: "listPrice",
  rent: "listPrice",
};
export const unitImportValueOf = (field: UnitImportField): string => SAME_VALUE[field] ?? field;

export const REQUIRED_UNIT_IMPORT_FIELDS = ["building", "number", "area"] as const satisfies readonly UnitImportField[];

export const UNIT_PRICE_UNITS = [
  "YUAN_PER_SQM",
  "WAN_TOTAL",
  "WAN_PER_MU",
  "YUAN_PER_SQM_DAY",
  "YUAN_PER_SQM_MONTH",
] as const;
export type UnitPriceUnit = (typeof UNIT_PRICE_UNITS)[number];

/** A valid row's values: decimals as strings. One row is one unit; its building's attributes come with it. */
export interface ImportedUnit {
  building: string;
  /** 1 the ground floor, negative below ground; null for a plot or a building let whole */
  floor: number | null;
  number: string;
  area: string;
  areaUnit: "SQM" | "MU";
  /** the building's kind; null when the file does not say (a new building is then a factory, or land in 亩) */
  kind: "FACTORY" | "OFFICE" | "LAND" | null;
  /** m */
  floorHeightM: string | null;
  /** kg/m² */
  floorLoadKgPerSqm: number | null;
  powerKva: number | null;
  structure: string | null;
  storeys: number | null;
  completionYear: number | null;
  propertyTermYears: number | null;
  listPrice: string | null;
  floorPrice: string | null;
  priceUnit: UnitPriceUnit | null;
  /** 空置 or 不可租售 only; null leaves an existing unit's status alone and makes a new one vacant */
  status: "VACANT" | "UNAVAILABLE" | null;
}

/**
 * The mapping form of a units import: column index → field, or "" for a column not imported. Errors are
 * leadImport.errors keys, as for leads: "fieldTwice" on each column naming a field another column names too,
 * "unitRequiredFields" on the form when building, number or area has no column.
 */
export const unitImportMappingSchema = z
  .record(z.string().regex(/^\d{1,3}$/, "invalid"), z.enum([...UNIT_IMPORT_FIELDS, ""], { error: "choice" }), {
    error: "invalid",
  })
  .superRefine((input, ctx) => {
    const columns = new Map<string, string[]>();
    for (const [column, field] of Object.entries(input)) {
      if (field === "") continue;
      columns.set(unitImportValueOf(field), [...(columns.get(unitImportValueOf(field)) ?? []), column]);
    }
    for (const same of columns.values())
      if (same.length > 1)
        for (const column of same) ctx.addIssue({ code: "custom", path: [column], message: "fieldTwice" });
    if (REQUIRED_UNIT_IMPORT_FIELDS.some((field) => !columns.has(field)))
      ctx.addIssue({ code: "custom", path: [], message: "unitRequiredFields" });
  })
  .transform((input) => {
    const mapping: Record<string, UnitImportField> = {};
    for (const [column, field] of Object.entries(input)) if (field !== "") mapping[column] = field;
    return mapping;
  });
