/*
 * The column choice a person made for one table, kept in a cookie so the server renders the table as
 * they left it: no flash of hidden columns and no hydration mismatch, which localStorage (unreadable
 * on the server) would cause. The value names its user, so another person signing in on the same
 * browser gets the table's defaults, not someone else's choice.
 */

/** A table id or column id as a cookie may carry it. */
const ID = /^[A-Za-z0-9_-]{1,40}$/;

export function columnChoiceCookie(tableId: string): string {
  if (!ID.test(tableId)) throw new Error(`A data table id must match ${ID}: ${tableId}`);
  return `columns-${tableId}`;
}

/** `<userId>:<hidden>.<hidden>` — ids only, nothing a person typed. */
export function writeColumnChoice(userId: string, hidden: string[]): string {
  return `${encodeURIComponent(userId)}:${hidden.filter((id) => ID.test(id)).join(".")}`;
}

/** The hidden column ids saved by this user, or undefined when nothing (or someone else's choice) is saved. */
export function readColumnChoice(value: string | undefined, userId: string): string[] | undefined {
  if (!value) return undefined;
  const at = value.indexOf(":");
  if (at < 0 || value.slice(0, at) !== encodeURIComponent(userId)) return undefined;
  return value
    .slice(at + 1)
    .split(".")
    .filter((id) => ID.test(id));
}
