"use client";
import { get, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form";
import { Field, inputAria } from "@/components/ui/field";

/**
 * One input of the actuals' forms, its element ids prefixed: the project page holds several sections' forms at
 * once (the commitments form has a "jobs" field too), and a label must name its own input.
 */
export function ActualsField<T extends FieldValues, O>({
  form,
  name,
  prefix,
  label,
  hint,
  required,
  type = "text",
  inputMode,
  multiline = false,
}: {
  form: UseFormReturn<T, unknown, O>;
  name: FieldPath<T>;
  prefix: string;
  label: string;
  hint?: string;
  required?: string;
  type?: "text" | "date";
  inputMode?: "decimal" | "numeric";
  multiline?: boolean;
}) {
  const id = `${prefix}-${name}`;
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
  const aria = inputAria(id, error, Boolean(hint));
  return (
    <Field name={id} label={label} hint={hint} errorKey={error} requiredLabel={required}>
      {multiline ? (
        <textarea rows={1} {...aria} {...form.register(name)} />
      ) : (
        <input type={type} inputMode={inputMode} autoComplete="off" {...aria} {...form.register(name)} />
      )}
    </Field>
  );
}
