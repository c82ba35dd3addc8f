import { z } from "zod";
import type { Role } from "../../auth/schema";
import { existingId } from "../../forms/fields";
import { INVENTORY_MANAGERS } from "../../inventory/access";
import { IMPORT_FIELDS, importValueOf, type ImportField, type ImportMapping } from "./types";

/*
 * What the import's pages send: the upload, the column mapping, the admin's choices on the preview,
 * the start and the job's other buttons. Shared by the pages (in the browser too: nothing server-side
 * here) and lib/leads/import/mutations.ts.
 */

/** Importing is an admin's work: it writes many leads at once, as anyone's owner. */
export const IMPORT_ROLES = ["ADMIN"] as const;

/** What a job imports: leads, or one park's buildings and units (lib/inventory/import). */
export const IMPORT_KINDS = ["LEADS", "UNITS"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Who runs an import of each kind: buildings and units are the asset register's, kept by managers and admins. */
export function importRolesOf(kind: ImportKind): readonly Role[] {
  return kind === "UNITS" ? INVENTORY_MANAGERS : IMPORT_ROLES;
}

export const IMPORT_ACTIONS = ["CREATE", "MERGE", "SKIP"] as const;
export type ImportDecision = (typeof IMPORT_ACTIONS)[number];

const jobId = existingId;
const decision = z.enum(IMPORT_ACTIONS, { error: "invalid" });
const rowNumber = z.coerce.number({ error: "integer" }).int("integer").min(1, "tooSmall:1").max(1_000_000, "invalid");

/** The uploaded file; its size and type are judged on the bytes (readImportFile), not here. */
export const importUploadSchema = z.strictObject(
  { file: z.instanceof(Blob, { error: "required" }).refine((file) => file.size > 0, "required") },
  { error: "unknownField" },
);

/** A units import's upload names the park its buildings and units go into. */
export const unitImportUploadSchema = z.strictObject(
  {
    file: z.instanceof(Blob, { error: "required" }).refine((file) => file.size > 0, "required"),
    parkId: existingId,
  },
  { error: "unknownField" },
);

export const importJobSchema = z.strictObject({ jobId }, { error: "unknownField" });

/**
 * The admin's choice on the preview: per row, or for every row (optionally only those with a given
 * proposal, or only those with errors — which can only be skipped).
 */
export const importDecisionSchema = z
  .strictObject(
    {
      jobId,
      rows: z.array(z.strictObject({ rowNumber, decision })).max(1_000, "tooMany:1000").optional(),
      all: decision.optional(),
      only: z.enum([...IMPORT_ACTIONS, "ERRORS"], { error: "invalid" }).optional(),
    },
    { error: "unknownField" },
  )
  .refine((input) => (input.rows && input.rows.length > 0) !== (input.all !== undefined), {
    message: "required",
    path: ["all"],
  });
export type ImportDecisionInput = z.input<typeof importDecisionSchema>;

export const importStartSchema = z.strictObject(
  { jobId, keepFile: z.coerce.boolean().default(false) },
  { error: "unknownField" },
);

/** Which rows the preview lists: all, by proposal or the admin's decision, or those with errors. */
export const IMPORT_PREVIEW_FILTERS = ["all", "create", "merge", "skip", "errors"] as const;
export type ImportPreviewFilter = (typeof IMPORT_PREVIEW_FILTERS)[number];
export const importPreviewSchema = z.strictObject({
  filter: z.enum(IMPORT_PREVIEW_FILTERS).catch("all").default("all"),
  /** the last row number of the page before */
  cursor: z.coerce.number().int().min(0).catch(0).default(0),
});

export const REQUIRED_IMPORT_FIELDS = ["company", "contactName", "phone"] as const satisfies readonly ImportField[];

/**
 * The mapping form: column index → field, or "" for a column not imported. Errors are leadImport.errors
 * keys: "fieldTwice" on each column naming a field another column names too, "requiredFields" on the
 * form when company, contact or phone has no column.
 */
export const importMappingSchema = z
  .record(z.string().regex(/^\d{1,3}$/, "invalid"), z.enum([...IMPORT_FIELDS, ""], { error: "choice" }), {
    error: "invalid",
  })
  .superRefine((input, ctx) => {
    const columns = new Map<string, string[]>();
    for (const [column, field] of Object.entries(input)) {
      if (field === "") continue;
      columns.set(importValueOf(field), [...(columns.get(importValueOf(field)) ?? []), column]);
    }
    for (const same of columns.values())
      if (same.length > 1)
        for (const column of same) ctx.addIssue({ code: "custom", path: [column], message: "fieldTwice" });
    if (REQUIRED_IMPORT_FIELDS.some((field) => !columns.has(field)))
      ctx.addIssue({ code: "custom", path: [], message: "requiredFields" });
  })
  .transform((input) => {
    const mapping: ImportMapping = {};
    for (const [column, field] of Object.entries(input)) if (field !== "") mapping[column] = field;
    return mapping;
  });
export type ImportMappingInput = z.input<typeof importMappingSchema>;
