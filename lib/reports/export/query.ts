/** A reports URL's filter query with `extra` set on it; whatever the caller passed for those keys is replaced. */
export function exportQuery(filterQuery: string, extra: Record<string, string>): string {
  const query = new URLSearchParams(filterQuery.replace(/^\?/, ""));
  query.delete("tab");
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}
