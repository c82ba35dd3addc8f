import "server-only";

type Value = string | number | boolean | null;

/** A column as the audit log keeps it: decimals as strings, blanks as null. */
function plain(value: unknown): Value {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "object") return String(value);
  return value as Value;
}

const isNumber = (value: Value): value is string => typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value);

/** { field: [before, after] } for each of `fields` that differs (2500 and 2500.00 alike); before null on creation. */
export function changesBetween(
  fields: readonly string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Record<string, [Value, Value]> {
  const changes: Record<string, [Value, Value]> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const [from, to] = [plain(before?.[field]), plain(after[field])];
    const same = from === to || (isNumber(from) && isNumber(to) && Number(from) === Number(to));
    if (!same) changes[field] = [from, to];
  }
  return changes;
}
