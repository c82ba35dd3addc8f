/**
 * The `tel:` address of a phone number as people write it ("400 0123 021", "0573-8501 2345",
 * "+86 138 1234 5678"): digits only, keeping a leading "+". Null when there is nothing to dial.
 */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 3) return null;
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${digits}`;
}
