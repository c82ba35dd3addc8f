import type { z } from "zod";

/** A form's answer: one message key per field path, rendered in the UI language by the form. */
export type FieldErrors = Record<string, string>;

/** Flattens zod issues to one message key per field path ("need.area"), unknown keys under their own names. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors[[...issue.path, key].join(".")] ??= "unknownField";
      continue;
    }
    const field = issue.path.join(".") || "form";
    errors[field] ??= issue.message;
  }
  return errors;
}
