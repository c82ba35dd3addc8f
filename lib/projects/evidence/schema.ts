import { z } from "zod";
import { existingId, optionalText } from "../../forms/fields";
import { MILESTONE_KINDS } from "../types";

/*
 * Evidence on a project (佐证材料): a note, a photo or a document, optionally tied to one milestone. The upload
 * form posts multipart to app/crm/projects/[id]/evidence (server actions stop at 1 MB); the type is checked on
 * the file's bytes (file-type.ts). Messages are validation.* keys.
 */

export const MAX_EVIDENCE_MB = 5;
export const MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MB * 1024 * 1024;
/** How many pieces of evidence one project keeps: a 招商 file, not a document store. */
export const MAX_EVIDENCE = 200;

export const evidenceSchema = z
  .strictObject(
    {
      projectId: existingId,
      milestoneKind: z
        .union([z.literal(""), z.enum(MILESTONE_KINDS)], { error: "choice" })
        .optional()
        .transform((value) => value || null),
      note: optionalText({ max: 1000, multiline: true }),
      file: z
        .instanceof(Blob, { error: "required" })
        .refine((file) => file.size <= MAX_EVIDENCE_BYTES, `evidenceSize:${MAX_EVIDENCE_MB}`)
        .optional()
        .transform((file) => (file && file.size > 0 ? file : undefined)),
    },
    { error: "unknownField" },
  )
  .refine((evidence) => evidence.note !== undefined || evidence.file !== undefined, {
    message: "evidenceEmpty",
    path: ["note"],
  });
export type EvidenceInput = z.input<typeof evidenceSchema>;

export const removeEvidenceSchema = z.strictObject(
  { projectId: existingId, evidenceId: existingId },
  { error: "unknownField" },
);

/**
 * A Content-Disposition header for a stored file name (RFC 6266): a plain ASCII name for old clients and the
 * UTF-8 one as RFC 5987's filename*, where ' ( ) * are escaped as well.
 */
export function contentDisposition(disposition: "attachment" | "inline", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
