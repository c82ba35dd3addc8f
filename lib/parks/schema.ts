import { z } from "zod";
import { existingId } from "../forms/fields";
import { englishText, optionalDecimal, text } from "../listings/fields";

/*
 * The admin's park form: the client validates with it through zodResolver, lib/parks/mutations.ts
 * parses it again. Messages are i18n keys under validation.*.
 */

/** The park's address in the catalogue's URLs (/listings?park=…), so it stays readable and stable. */
export const PARK_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const fields = {
  slug: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(60, "tooLong:60")
    .regex(PARK_SLUG, "slug"),
  name: text(100),
  nameEn: englishText(160),
  city: text(60),
  cityEn: englishText(100),
  address: text(200),
  addressEn: englishText(300),
  description: text(4000),
  descriptionEn: englishText(8000),
  totalAreaMu: optionalDecimal(10_000_000, 2),
  operatorName: text(100),
  /** Landline, mobile or 400 number as the park prints it: digits, spaces, +, -, parentheses. */
  contactPhone: text(30).pipe(z.string().regex(/^[0-9+()\- ]{5,30}$/, "contactPhone")),
  /** Who gets new leads from this park under the "park owner" assignment rule; blank: nobody. */
  ownerId: z
    .string("notFound")
    .trim()
    .max(40, "notFound")
    .regex(/^[A-Za-z0-9_-]*$/, "notFound")
    .optional()
    .transform((value) => value || null),
};

export const parkSchema = z.strictObject(fields, { error: "unknownField" });
export type ParkInput = z.input<typeof parkSchema>;

/** An edit carries the park's updatedAt as loaded; a park changed since answers "stale". */
export const parkUpdateSchema = z.strictObject(
  { ...fields, id: existingId, updatedAt: z.iso.datetime({ error: "stale" }).transform((value) => new Date(value)) },
  { error: "unknownField" },
);
