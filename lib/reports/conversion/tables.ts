import { reportsConversionEn as en } from "../../i18n/messages/reports-conversion.en";
import { reportsConversionZhCN as zh } from "../../i18n/messages/reports-conversion.zh-CN";
import { vocabularyEn } from "../../i18n/messages/vocabulary.en";
import { vocabularyZhCN } from "../../i18n/messages/vocabulary.zh-CN";
import { term, type VocabularyKind } from "../../i18n/vocabulary";
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

const missing: Partial<Record<ConversionDimension, keyof typeof zh.rows>> = {
  listing: "noListing",
  park: "noPark",
  industry: "noIndustry",
};

/**
 * Dimensions whose values are stored codes, named in both languages by the vocabulary. A referring
 * site is a host, shown as it is, but for the "direct" of a lead that came with none.
 */
const coded: Partial<Record<ConversionDimension, VocabularyKind>> = {
  source: "source",
  medium: "medium",
  referrer: "medium",
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
  // Leads nobody owns are the pool's, named as everywhere else.
  if (group.value === null && dimension === "owner") return { name: vocabularyZhCN.pool, nameEn: vocabularyEn.pool };
  const vocabulary = coded[dimension];
  if (vocabulary && (dimension !== "referrer" || group.value === "direct"))
    return { name: term(vocabularyZhCN, vocabulary, group.value), nameEn: term(vocabularyEn, vocabulary, group.value) };
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
