import { firstParam, parseReportFilter, type ReportFilter, type UrlParams } from "./filters";
import { reportKeys, type ReportKey } from "./table";

export interface ReportView {
  filter: ReportFilter;
  tab: ReportKey;
  /** the parameters that were dropped (a hand-edited link, an old bookmark), so the page can name them */
  invalid: string[];
}

const CUSTOM_RANGE = ["range", "from", "to"];

/**
 * The reports page's view from the URL. A bad parameter is dropped and named and the rest still
 * applies; a broken custom range falls back to the default range as a whole, since from and to
 * mean nothing apart.
 */
export function reportViewOf(params: UrlParams): ReportView {
  const tabParam = firstParam(params.tab);
  const tab = reportKeys.find((key) => key === tabParam) ?? reportKeys[0];
  const invalid = tabParam && tabParam !== tab ? ["tab"] : [];
  const parsed = parseReportFilter(params);
  if (parsed.success) return { filter: parsed.data, tab, invalid };
  const bad = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")))].filter(Boolean);
  const dropped = bad.some((key) => CUSTOM_RANGE.includes(key)) ? [...new Set([...bad, ...CUSTOM_RANGE])] : bad;
  const kept = parseReportFilter(Object.fromEntries(Object.entries(params).filter(([key]) => !dropped.includes(key))));
  const fallback = parseReportFilter({});
  if (!fallback.success) throw new Error("the default report filter must parse");
  return { filter: kept.success ? kept.data : fallback.data, tab, invalid: [...invalid, ...bad] };
}

/** The filter as URL parameters (no tab), for the tabs' links and the exports. */
export function reportQueryOf(filter: ReportFilter): string {
  const { from, to, ...rest } = filter;
  const entries = Object.entries({ ...rest, ...(filter.range === "custom" ? { from, to } : {}) });
  return new URLSearchParams(
    entries.filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  ).toString();
}
