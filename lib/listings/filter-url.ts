/**
 * The catalogue's query without the fields a GET form sends empty ("?park=&kind=FACTORY&minArea="),
 * or null when nothing was empty. The page redirects to it, so a filtered view's address names only
 * the filters in use whether or not the visitor's browser ran a script.
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
