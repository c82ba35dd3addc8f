/** What the admin may choose for a row of the preview, and what the mapping form starts from. */

export type RowChoice = "CREATE" | "MERGE" | "SKIP";

export interface ChoosableRow {
  /** the row has field errors (it has no values to write) */
  hasErrors: boolean;
  /** how it duplicates an existing lead, if it does */
  matchBy: "phone" | "company" | null;
  /** it repeats the phone of an earlier row of the same file */
  repeat: boolean;
}

/**
 * The choices a row offers, in the order the select lists them. A row with errors, or one repeating
 * an earlier row's phone, can only be skipped; a phone already in the workspace cannot make a second
 * lead (the phone is unique), so that row merges or is skipped; a same-company match may still be a
 * different person at that company, so it may also become a new lead.
 */
export function rowChoices(row: ChoosableRow): RowChoice[] {
  if (row.hasErrors || row.repeat) return ["SKIP"];
  if (row.matchBy === "phone") return ["MERGE", "SKIP"];
  if (row.matchBy === "company") return ["MERGE", "CREATE", "SKIP"];
  return ["CREATE", "SKIP"];
}

/** A repeat's reason as the analysis writes it ("repeatOf:12"): the earlier row's number, else null. */
export function repeatedRow(reason: string | null): number | null {
  const found = /^repeatOf:(\d+)$/.exec(reason ?? "");
  return found ? Number(found[1]) : null;
}
