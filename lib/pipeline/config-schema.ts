import { z } from "zod";
import { text } from "../forms/fields";
import { configKey, stageCategories } from "../leads/stage/schema";

/*
 * The admin's pipeline settings: stages and lost reasons. Keys are stable (reports and history
 * count by them), so only names, order and flags change after creation; a stage's category too
 * is fixed, since leads already in it carry the lost or signed figures their category asked for.
 */

const strict = {
  error: (issue: { code: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};
const name = (max: number) => text({ max });
const order = z.array(configKey, "required").min(1, "required").max(100, "tooMany:100");

/** Where a new lead starts (Lead.stageKey's default): never removed. */
export const START_STAGE_KEY = "new";

export const stageCreateSchema = z.strictObject(
  { key: configKey, name: name(20), nameEn: name(40), category: z.enum(stageCategories, "choice") },
  strict,
);
export type StageCreate = z.infer<typeof stageCreateSchema>;

export const stageRenameSchema = z.strictObject({ key: configKey, name: name(20), nameEn: name(40) }, strict);
export type StageRename = z.infer<typeof stageRenameSchema>;

/** The full new order, so a reorder made on a stale list (someone added or removed one) is refused. */
export const stageOrderSchema = z.strictObject({ keys: order }, strict);
export const stageDeleteSchema = z.strictObject({ key: configKey }, strict);

export const lostReasonCreateSchema = z.strictObject(
  { key: configKey, name: name(40), nameEn: name(60), askPark: z.boolean("invalid").default(false) },
  strict,
);
export type LostReasonCreate = z.input<typeof lostReasonCreateSchema>;

/** Renaming, the "which park?" flag and retiring (active = false; reasons are never deleted). */
export const lostReasonUpdateSchema = z.strictObject(
  { key: configKey, name: name(40), nameEn: name(60), askPark: z.boolean("invalid"), active: z.boolean("invalid") },
  strict,
);
export type LostReasonUpdate = z.infer<typeof lostReasonUpdateSchema>;

export const lostReasonOrderSchema = z.strictObject({ keys: order }, strict);
