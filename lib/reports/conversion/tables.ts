import { reportsConversionEn as en } from "../../i18n/messages/reports-conversion.en";
import { reportsConversionZhCN as zh } from "../../i18n/messages/reports-conversion.zh-CN";
import type { ReportColumn, ReportTable, ReportValue } from "../table";

/*
 * Shapes the grouped figures of the conversion report into one table per dimension. Pure, so the
 * naming of rows without a value ("unassigned", "no listing"…) and the closing total are unit-tested.
 */

export const conversionDimensions = ["source", "medium", "referrer", "listing", "park", "owner", "industry"] as const;
export type ConversionDimension = (typeof conversionDimensions)[number];

/** One line of the grouped query: a dimension's value, or the total over the cohort (dimension "total"). */
export interface ConversionGroup {
  dimension: ConversionDimension | "total";
  /** the grouped value (a source, an id…); null when the leads have none */
  value: string | null;
  label: string | null;
  labelEn: string | null;
  inquiries: number;
  leads: number;
  signed: number;
  signedRate: number | null;
  signedTax: number;
}

/** Marks the closing total row of a table (not a column, so exports and charts can tell it apart). */
export const TOTAL_ROW = "total";

const figureColumns: ReportColumn[] = [
  { key: "inquiries", label: "reportsConversion.columns.inquiries", kind: "count" },
  { key: "leads", label: "reportsConversion.columns.leads", kind: "count" },
  { key: "signed", label: "reportsConversion.columns.signed", kind: "count" },
  { key: "signedRate", label: "reportsConversion.columns.signedRate", kind: "percent" },
  { key: "signedTax", label: "reportsConversion.columns.signedTax", kind: "wan" },
];

const missing: Record<ConversionDimension, keyof typeof zh.rows | null> = {
  source: null,
  medium: null,
  referrer: null,
  listing: "noListing",
  park: "noPark",
  owner: "unassigned",
  industry: "noIndustry",
};

function figures(group: ConversionGroup): Record<string, ReportValue> {
  return {
    inquiries: group.inquiries,
    leads: group.leads,
    signed: group.signed,
    signedRate: group.signedRate,
    signedTax: group.signedTax,
  };
}

function nameOf(dimension: ConversionDimension, group: ConversionGroup): { name: string; nameEn: string | null } {
  const absent = missing[dimension];
  if (group.value === null && absent) return { name: zh.rows[absent], nameEn: en.rows[absent] };
  return { name: group.label ?? group.value ?? "", nameEn: group.labelEn };
}

/** Groups arrive sorted (leads desc, signed desc, name); an empty cohort gives tables without rows. */
export function conversionTables(groups: ConversionGroup[]): ReportTable[] {
  const total = groups.find((group) => group.dimension === "total");
  const cohortEmpty = !total || total.leads === 0;
  return conversionDimensions.map((dimension) => {
    const rows = cohortEmpty
      ? []
      : [
          ...groups
            .filter((group) => group.dimension === dimension)
            .map((group) => {
              const { name, nameEn } = nameOf(dimension, group);
              return { [dimension]: name, ...(nameEn ? { [`${dimension}En`]: nameEn } : {}), ...figures(group) };
            }),
          { [dimension]: zh.rows.total, [`${dimension}En`]: en.rows.total, row: TOTAL_ROW, ...figures(total) },
        ];
    return {
      key: `reportsConversion.tables.${dimension}`,
      columns: [{ key: dimension, label: `reportsConversion.columns.${dimension}`, kind: "text" }, ...figureColumns],
      rows,
    };
  });
}
