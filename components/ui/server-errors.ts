import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * Puts a server action's field errors (message keys) beside their fields, focusing the first.
 * With `fields`, only errors of those fields (or their nested paths) are placed; the rest are the
 * form's to show in its own alert. Returns the fields it placed.
 */
export function showServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string>,
  fields?: ReadonlySet<string> | readonly string[],
): string[] {
  const known = fields && new Set(fields);
  const placed = Object.entries(fieldErrors).filter(([field]) => !known || known.has(field.split(".")[0]));
  placed.forEach(([field, key], index) =>
    setError(field as Path<T>, { type: "server", message: key }, { shouldFocus: index === 0 }),
  );
  return placed.map(([field]) => field);
}
