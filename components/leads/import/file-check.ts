/** The browser's look at a chosen file before it is sent; the server reads the bytes and decides. */

/** lib/leads/import/file.ts MAX_IMPORT_BYTES (that module reads files on the server, so it is not imported here) */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_FILE_ACCEPT =
  ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

/** Why the file cannot be sent (a leadImport page.upload message), or null when it may be. */
export function checkImportFile(file: { name: string; size: number }): "wrongType" | "tooLarge" | null {
  if (!/\.(xlsx|csv)$/i.test(file.name.trim())) return "wrongType";
  if (file.size > IMPORT_MAX_BYTES) return "tooLarge";
  return null;
}
