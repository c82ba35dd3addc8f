import { z } from "zod";
import { existingId } from "../../forms/fields";

/** Which park's units the listing form offers, and the listing being edited (its own units stay choosable). */
export const unitChoicesSchema = z.strictObject(
  {
    parkId: existingId,
    listingId: z
      .union([existingId, z.literal(""), z.null()], { error: "notFound" })
      .optional()
      .transform((value) => value || null),
  },
  { error: "unknownField" },
);
