import "server-only";

/*
 * The doors that change which leads exist or show (merge, archive, restore, erase) refresh the same
 * pages: every list a lead can appear in, and the page of each lead the input names.
 */

const LEAD_LISTS = ["/crm", "/crm/leads", "/crm/leads/duplicates", "/crm/pipeline"];

/** Those pages for an input naming leads under `keys` (ids that are not strings name no page). */
export function leadPagesOf(keys: string[]) {
  return (_result: unknown, input: unknown): string[] => {
    const fields = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
    const ids = keys.map((key) => fields[key]).filter((id): id is string => typeof id === "string");
    return [...LEAD_LISTS, ...ids.map((id) => `/crm/leads/${id}`)];
  };
}
