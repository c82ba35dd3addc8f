/** undefined: no key sent; false: a key that is not 1–200 visible ASCII characters. */
export function parseIdempotencyKey(value: string | null | undefined): string | undefined | false {
  if (value === null || value === undefined) return undefined;
  const key = value.trim();
  return /^[\x21-\x7e]{1,200}$/.test(key) ? key : false;
}
