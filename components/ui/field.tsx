import type { ReactNode } from "react";
import { FieldError } from "@/components/forms/field-error";

export function fieldIds(name: string) {
  const base = `field-${name.replace(/\./g, "-")}`;
  return { input: base, error: `${base}-error`, hint: `${base}-hint` };
}

/**
 * Label, hint and error around one input; the input itself carries aria-invalid and aria-describedby.
 * The error is either `errorKey`, a schema's message key that FieldError translates, or `error`,
 * a text the form has already put in words.
 */
export function Field({
  name,
  label,
  hint,
  error,
  errorKey,
  requiredLabel,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  errorKey?: string;
  requiredLabel?: string;
  children: ReactNode;
}) {
  const ids = fieldIds(name);
  return (
    <div className="field">
      <label htmlFor={ids.input}>
        {label}
        {requiredLabel && <span className="required">{requiredLabel}</span>}
      </label>
      {hint && (
        <span className="hint" id={ids.hint}>
          {hint}
        </span>
      )}
      {children}
      {error && (
        <p className="field-error" id={ids.error} role="alert">
          {error}
        </p>
      )}
      {!error && errorKey && <FieldError id={ids.error} messageKey={errorKey} />}
    </div>
  );
}

/** The attributes that tie an input to its label, hint and error. */
export function inputAria(name: string, error: string | undefined, hint?: boolean) {
  const ids = fieldIds(name);
  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ");
  return { id: ids.input, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}
