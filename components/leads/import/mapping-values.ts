/** The mapping form's values (one select per column, "" for not imported) from a job's mapping, of either kind. */
export function columnsOfMapping(count: number, mapping: Record<string, string>): string[] {
  return Array.from({ length: count }, (_, index) => mapping[String(index)] ?? "");
}

/** The form's values as importMappingSchema reads them: column index → field or "". */
export function mappingOfColumns(columns: readonly string[]): Record<string, string> {
  return Object.fromEntries(columns.map((field, index) => [String(index), field ?? ""]));
}

/** A, B, … Z, AA, AB: the column as Excel names it. */
export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
