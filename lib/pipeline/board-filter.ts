import { parseLeadFilter, type LeadFilter } from "../leads/filter/filter";

/**
 * The board's filter from the URL. A bad parameter (a hand-edited link, an old bookmark) is
 * dropped and named, so the rest of the filter still applies.
 */
export function boardFilterOf(params: Record<string, string | string[] | undefined>): {
  filter: LeadFilter;
  invalid: string[];
} {
  const parsed = parseLeadFilter(params);
  if (parsed.success) return { filter: parsed.data, invalid: [] };
  const invalid = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")))].filter(Boolean);
  const kept = parseLeadFilter(Object.fromEntries(Object.entries(params).filter(([key]) => !invalid.includes(key))));
  return { filter: kept.success ? kept.data : {}, invalid };
}

/** The filter as inbox query parameters, without the stage (each column adds its own). */
export function inboxQueryOf(filter: LeadFilter): string {
  const { stage: _stage, ...rest } = filter;
  return new URLSearchParams(
    Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  ).toString();
}
