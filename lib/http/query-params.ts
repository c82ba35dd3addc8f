/**
 * A page's query without the fields a GET filter form sends empty ("?park=&kind=FACTORY&minArea="),
 * or null when nothing was empty. Filter pages (the catalogue, the audit log) redirect when it is not
 * null, so a filtered view's address names only the filters in use whether or not a script ran.
 */
export function withoutEmptyParams(params: Record<string, string | string[] | undefined>): string | null {
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [name, raw] of Object.entries(params)) {
    for (const value of [raw ?? []].flat()) {
      if (value.trim() === "") dropped = true;
      else kept.append(name, value);
    }
  }
  return dropped ? kept.toString() : null;
}
