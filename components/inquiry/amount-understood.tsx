"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { fieldIds } from "@/components/ui/field";
import { parseNumber } from "@/lib/forms/numbers";

/** Only the reading matters here; the field's own schema says whether the value is allowed. */
const READING = { max: Number.MAX_SAFE_INTEGER, decimals: 4, units: true };

/**
 * Beside an amount field in 万元: what the typed text was read as ("按 35000 万元计" for 3.5亿),
 * as the person types, whenever it is not just the digits they typed. It follows the input by its
 * id, so the form's own registration of the field stays as it is.
 */
export function AmountUnderstood({ name }: { name: string }) {
  const t = useTranslations("inquiry");
  const [value, setValue] = useState<string | null>(null);

  useEffect(() => {
    const input = document.getElementById(fieldIds(name).input);
    if (!(input instanceof HTMLInputElement)) return;
    const read = () => {
      const parsed = parseNumber(input.value, READING);
      setValue(parsed.ok && parsed.understood ? parsed.value : null);
    };
    read();
    input.addEventListener("input", read);
    return () => input.removeEventListener("input", read);
  }, [name]);

  return (
    <span className="hint" aria-live="polite" data-testid={`${name}-understood`}>
      {value === null ? null : t("amountUnderstood", { value })}
    </span>
  );
}
