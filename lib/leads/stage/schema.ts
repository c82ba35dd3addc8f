import { z } from "zod";
import type { FieldErrors } from "../../forms/field-errors";
import { amount, decimal, optional, recordId, rowVersion, text } from "../../forms/fields";
import { signedUnitsSchema } from "../../inventory/holds/schema";

/*
 * Moving leads between stages: one schema for the move dialog (zodResolver) and the server, plus
 * the rule of what a move into a lost or won stage must carry. Messages are validation.* keys.
 */

export const stageCategories = ["OPEN", "WON", "LOST"] as const;
export type StageCategory = (typeof stageCategories)[number];
export const signedAreaUnits = ["SQM", "MU"] as const;

const leadId = recordId;
/** Stage and lost-reason keys: stable identifiers, lower-case letters, digits and underscores. */
export const configKey = z
  .string("required")
  .trim()
  .min(1, "required")
  .max(40, "tooLong:40")
  .regex(/^[a-z0-9_]+$/, "invalid");

/** What a move into a lost or won stage adds; every field optional here, required by `stageMoveErrors`. */
export const stageMoveDetailsShape = {
  lostReasonKey: optional(configKey),
  lostToPark: optional(text({ max: 100 })),
  /** Decimal(12, 2) */
  signedArea: optional(decimal({ max: 10_000_000, decimals: 2, exclusive: true })),
  signedAreaUnit: optional(z.enum(signedAreaUnits, "choice")),
  /** 万元 a year, Decimal(16, 4): "300万" and "3.5亿" read as everywhere else */
  signedAnnualTax: optional(amount({ max: 10_000_000, positive: true })),
  /** into a won stage: the units the lead signs for, each held by it, at the agreed price (租控) */
  signedUnits: optional(signedUnitsSchema),
};

export const stageMoveDetailsSchema = z.strictObject(stageMoveDetailsShape, {
  error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
});
export type StageMoveDetails = z.output<typeof stageMoveDetailsSchema>;
export type StageMoveDetailsInput = z.input<typeof stageMoveDetailsSchema>;

export const moveLeadStageSchema = z.strictObject(
  { leadId, fromStageKey: configKey, toStageKey: configKey, ...stageMoveDetailsShape },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
);
export type MoveLeadStage = z.output<typeof moveLeadStageSchema>;

/** A partner system's move (lib/api/v1): no "from" stage, and optionally the version it last read. */
export const keyStageMoveSchema = z.strictObject(
  { leadId, toStageKey: configKey, version: optional(rowVersion), ...stageMoveDetailsShape },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
);

export const MAX_BULK_STAGE_MOVE = 500;

export const moveLeadsStageSchema = z.strictObject(
  {
    leadIds: z.array(leadId, "required").min(1, "required").max(MAX_BULK_STAGE_MOVE, `tooMany:${MAX_BULK_STAGE_MOVE}`),
    toStageKey: configKey,
    ...stageMoveDetailsShape,
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
);
export type MoveLeadsStage = z.output<typeof moveLeadsStageSchema>;

/**
 * What a move into a stage of `category` is missing. `reason` is the chosen lost reason as the
 * caller found it among the active ones (undefined when the key is unknown or retired).
 */
export function stageMoveErrors(
  category: StageCategory,
  details: StageMoveDetails,
  reason: { askPark: boolean } | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  if (category === "LOST") {
    if (!details.lostReasonKey || !reason) errors.lostReasonKey = "lostReasonRequired";
    else if (reason.askPark && !details.lostToPark) errors.lostToPark = "lostParkRequired";
  }
  if (category === "WON") {
    if (!details.signedArea) errors.signedArea = "signedAreaRequired";
    if (!details.signedAreaUnit) errors.signedAreaUnit = "signedAreaRequired";
    if (!details.signedAnnualTax) errors.signedAnnualTax = "signedTaxRequired";
  }
  return errors;
}

/**
 * The lead's lost/won fields after a move into a stage of `category`: a lost stage keeps the
 * reason, a won stage the signed figures, an open stage neither, so nothing stale survives a move back.
 */
export function stageOutcome(
  category: StageCategory,
  details: StageMoveDetails,
  reason: { askPark: boolean } | undefined,
  now: Date,
) {
  const lost = category === "LOST";
  const won = category === "WON";
  return {
    lostReasonKey: lost ? (details.lostReasonKey ?? null) : null,
    lostToPark: lost && reason?.askPark ? (details.lostToPark ?? null) : null,
    signedArea: won ? (details.signedArea ?? null) : null,
    signedAreaUnit: won ? (details.signedAreaUnit ?? null) : null,
    signedAnnualTax: won ? (details.signedAnnualTax ?? null) : null,
    signedAt: won ? now : null,
  };
}
