import { z } from "zod";
import { decimal, optional, recordId } from "../../forms/fields";
import type { Messages } from "../../i18n/messages";

type PriceUnit = keyof Messages["units"]["priceUnit"];

/*
 * The lead page's unit picker: which vacant units to offer for a hold. One schema for the picker's
 * filter form and the server; messages are validation.* keys.
 */

export const pickerKinds = ["FACTORY", "OFFICE", "LAND"] as const;

/** At most this many units come back at once; a narrower filter finds the rest. */
export const PICKER_LIMIT = 100;

export const vacantUnitsSchema = z
  .strictObject(
    {
      leadId: recordId,
      kind: optional(z.enum(pickerKinds, "choice")),
      /** m² (a plot in 亩 compares by its area in m²) */
      minArea: optional(decimal({ max: 10_000_000, decimals: 2 })),
      maxArea: optional(decimal({ max: 10_000_000, decimals: 2 })),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
  )
  .superRefine((filter, ctx) => {
    if (filter.minArea && filter.maxArea && Number(filter.minArea) > Number(filter.maxArea)) {
      ctx.addIssue({ code: "custom", path: ["maxArea"], message: `tooSmall:${filter.minArea}` });
    }
  });
export type VacantUnitsFilter = z.output<typeof vacantUnitsSchema>;
export type VacantUnitsFilterInput = z.input<typeof vacantUnitsSchema>;

/** The sign dialog asks for the lead's held units. */
export const heldUnitsSchema = z.strictObject(
  { leadId: recordId },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
);

/** A vacant unit as the picker offers it (never its floor price). */
export interface VacantUnit {
  id: string;
  parkId: string;
  parkName: string;
  parkNameEn: string | null;
  buildingName: string;
  buildingNameEn: string;
  kind: "FACTORY" | "OFFICE" | "LAND";
  floor: number | null;
  number: string;
  area: string;
  areaUnit: "SQM" | "MU";
  listPrice: string | null;
  priceUnit: PriceUnit | null;
  /** in the lead's own park (shown first) */
  leadPark: boolean;
}

/** A unit the sign dialog offers: held for the lead, with its list price to prefill the deal price. */
export interface SignableUnit {
  id: string;
  label: string;
  area: string;
  areaUnit: "SQM" | "MU";
  listPrice: string | null;
  priceUnit: PriceUnit | null;
}
