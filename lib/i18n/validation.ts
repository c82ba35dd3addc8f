/** Renders a schema's message key ("tooLong:100") in the translator's language. */
export function validationMessage(t: (key: string, values?: Record<string, number>) => string, key: string): string {
  const [name, param] = key.split(":");
  try {
    return t(`validation.${name}`, param === undefined ? undefined : { n: Number(param) });
  } catch {
    return t("validation.invalid");
  }
}
