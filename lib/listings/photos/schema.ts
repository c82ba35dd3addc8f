import { z } from "zod";
import { existingId, optionalText } from "../../forms/fields";

/** Limits the upload form states and the server enforces. */
export const MAX_PHOTO_MB = 5;
export const MAX_PHOTO_BYTES = MAX_PHOTO_MB * 1024 * 1024;
export const MAX_PHOTOS = 12;

const id = existingId;
const alt = optionalText({ max: 100 }).transform((value) => value ?? "");
const altEn = optionalText({ max: 160 }).transform((value) => value ?? "");

/**
 * One photo as the upload form sends it. The size is checked here; the type is checked on the
 * bytes (lib/listings/photos/type.ts), never on the name or the browser's claim. A blank alt text
 * falls back to the listing's title.
 */
export const photoUploadSchema = z.strictObject(
  {
    listingId: id,
    file: z
      .instanceof(Blob, { error: "required" })
      .refine((file) => file.size > 0, "required")
      .refine((file) => file.size <= MAX_PHOTO_BYTES, `fileSize:${MAX_PHOTO_MB}`),
    alt,
    altEn,
  },
  { error: "unknownField" },
);

export const photoAltSchema = z.strictObject({ photoId: id, alt, altEn }, { error: "unknownField" });
export const photoRemoveSchema = z.strictObject({ photoId: id }, { error: "unknownField" });
/** The listing's photos in their new order: every photo exactly once, or the list moved on ("stale"). */
export const photoOrderSchema = z.strictObject(
  { listingId: id, photoIds: z.array(id).max(MAX_PHOTOS * 2, `tooMany:${MAX_PHOTOS}`) },
  { error: "unknownField" },
);
