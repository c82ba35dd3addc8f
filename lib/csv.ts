// CSV as the exports write it: the lead inbox's download and the reports' tables share the quoting and
// the guard against formulas, so a spreadsheet reads both the same way.

/**
 * One CSV cell (RFC 4180). Text starting with = + - @ or a tab/CR is prefixed with ' so a
 * spreadsheet shows it instead of running it as a formula (CSV injection); numbers pass as numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
