/*
 * The shapes an import passes between its steps: the file as read (lib/leads/import/file.ts), the
 * column mapping the admin confirms (columns.ts), and a row's values as ImportRow.values keeps them
 * (row.ts). JSON-friendly on purpose: they are stored in ImportJob and ImportRow between requests.
 */

/** What a column of the file can be read as. */
export const IMPORT_FIELDS = [
  "company",
  "contactName",
  "phone",
  "wechat",
  "email",
  "creditCode",
  "industry",
  "needDeal",
  "needKind",
  "needArea",
  /** an area column whose header names its unit ("需求面积（亩）"): needArea in that unit */
  "needAreaMu",
  "needAreaSqm",
  "needAreaUnit",
  "use",
  "expectedAnnualTax",
  "investment",
  "annualOutput",
  "employees",
  "notes",
  "source",
  "owner",
  "stage",
  "park",
  "listing",
  "createdAt",
  "lastActivityAt",
  "signedAt",
  "signedArea",
  "signedAreaMu",
  "signedAreaSqm",
  "signedAreaUnit",
  "signedAnnualTax",
  "lostReason",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields that name one value however many ways a column can hold it: at most one column each. */
const SAME_VALUE: Partial<Record<ImportField, string>> = {
  needArea: "needArea",
  needAreaMu: "needArea",
  needAreaSqm: "needArea",
  signedArea: "signedArea",
  signedAreaMu: "signedArea",
  signedAreaSqm: "signedArea",
};
export const importValueOf = (field: ImportField): string => SAME_VALUE[field] ?? field;

/** Column index in the file's order (as a string: JSON keys) → the field it is read as; other columns are ignored. */
export type ImportMapping = Record<string, ImportField>;

export interface ImportSheetRow {
  /** the row's number as Excel shows it (1-based, header rows counted) */
  rowNumber: number;
  /** every cell as text, in the file's column order (dates as "YYYY-MM-DD HH:mm" Shanghai wall time) */
  cells: string[];
}

export interface ImportSheet {
  fileType: "xlsx" | "csv";
  /** the encoding a CSV was read in ("utf-8" or "gb18030"); null for .xlsx */
  encoding: string | null;
  /** the header row's number (1-based); rows above it (a title block) are not data */
  headerRow: number;
  headers: string[];
  rows: ImportSheetRow[];
}

/** A valid row's values, as ImportRow.values keeps them: decimals as strings, instants as ISO strings. */
export interface ImportedLead {
  company: string;
  contactName: string;
  /** a mainland mobile, 11 digits */
  phone: string;
  wechat: string | null;
  email: string | null;
  creditCode: string | null;
  industry: string | null;
  needDeal: "BUY" | "RENT" | null;
  needKind: "FACTORY" | "OFFICE" | "LAND" | null;
  needArea: string | null;
  needAreaUnit: "SQM" | "MU" | null;
  use: string | null;
  /** 万元 a year */
  expectedAnnualTax: string | null;
  /** 万元 */
  investment: string | null;
  /** 万元 a year */
  annualOutput: string | null;
  employees: number | null;
  notes: string | null;
  /** the file's own words for where the lead came from (展会, 中介…): kept in the lead's notes */
  sourceNote: string | null;
  /** the owner named by the file, found among active users; null (the pool) when absent or unknown */
  ownerId: string | null;
  /** the owner's name as the file gave it when no active user has it (the row goes to the pool; the preview says so) */
  unknownOwner: string | null;
  stageKey: string | null;
  parkId: string | null;
  listingId: string | null;
  createdAt: string | null;
  lastActivityAt: string | null;
  signedAt: string | null;
  signedArea: string | null;
  signedAreaUnit: "SQM" | "MU" | null;
  /** 万元 a year */
  signedAnnualTax: string | null;
  lostReasonKey: string | null;
}

/** A row read with the mapping: its values, or the form's message key for each field that is wrong. */
export type ParsedImportRow = { ok: true; values: ImportedLead } | { ok: false; errors: Record<string, string> };

/** How a row duplicates a lead already in the workspace. */
export interface ImportMatch {
  leadId: string;
  by: "phone" | "company";
}

/** What a row's words are looked up in (lib/leads/import/lookups.ts): read once per chunk of rows. */
export interface ImportLookups {
  stages: { key: string; name: string; nameEn: string; category: "OPEN" | "WON" | "LOST" }[];
  /** active users only: an inactive owner's leads go to the pool */
  users: { id: string; name: string; email: string }[];
  parks: { id: string; name: string; nameEn: string; slug: string }[];
  listings: { id: string; title: string; titleEn: string }[];
  lostReasons: { key: string; name: string; nameEn: string }[];
  /** the moment the rows are read at: a date after it is refused */
  now: Date;
}
