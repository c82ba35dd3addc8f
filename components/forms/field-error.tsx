"use client";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";

/**
 * One field's error, from the schema's message key ("tooLong:100") to the page's language: the key
 * is what both the browser's check (zodResolver) and the server's answer (`fieldErrors`) give a
 * field. `id` is the one the input's aria-describedby names (fieldIds(name).error, see inputAria).
 */
export function FieldError({ id, messageKey }: { id: string; messageKey?: string }) {
  const validation = useValidationMessage();
  if (!messageKey) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {validation(messageKey)}
    </p>
  );
}
