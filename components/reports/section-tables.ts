import type { ReportTable } from "@/lib/reports/table";

/** A report's table by its key; a report that stops returning one is a bug worth a loud error. */
export function tableByKey(tables: ReportTable[], key: string): ReportTable {
  const table = tables.find((candidate) => candidate.key === key);
  if (!table) throw new Error(`the report returned no table ${key}`);
  return table;
}

/** What each report's section gets from the page: its tables, and who reads them (their column choices). */
export interface ReportSectionProps {
  tables: ReportTable[];
  viewerId: string;
}
