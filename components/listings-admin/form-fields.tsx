"use client";
import type { ReactNode } from "react";
import { get, type FieldPath, type FieldValues, type UseFormReturn } from "react-hook-form";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/** Shared by the listing and park forms: label, hint and error beside each input, errors as schema message keys that FieldError puts in the reader's language. */
interface Common<T extends FieldValues, O> {
  form: UseFormReturn<T, unknown, O>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  required?: string;
}

function errorOf<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>, name: FieldPath<T>): string | undefined {
  return (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
}

export function TextField<T extends FieldValues, O>({
  form,
  name,
  label,
  hint,
  required,
  type = "text",
  inputMode,
}: Common<T, O> & { type?: "text" | "date" | "tel"; inputMode?: "decimal" | "numeric" | "tel" }) {
  const error = errorOf(form, name);
  return (
    <Field name={name} label={label} hint={hint} errorKey={error} requiredLabel={required}>
      <input
        type={type}
        inputMode={inputMode}
        autoComplete="off"
        {...inputAria(name, error, Boolean(hint))}
        {...form.register(name)}
      />
    </Field>
  );
}

export function TextAreaField<T extends FieldValues, O>({
  form,
  name,
  label,
  hint,
  required,
  rows = 4,
}: Common<T, O> & { rows?: number }) {
  const error = errorOf(form, name);
  return (
    <Field name={name} label={label} hint={hint} errorKey={error} requiredLabel={required}>
      <textarea rows={rows} {...inputAria(name, error, Boolean(hint))} {...form.register(name)} />
    </Field>
  );
}

export function SelectField<T extends FieldValues, O>({
  form,
  name,
  label,
  hint,
  required,
  options,
  placeholder,
}: Common<T, O> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const error = errorOf(form, name);
  return (
    <Field name={name} label={label} hint={hint} errorKey={error} requiredLabel={required}>
      <select {...inputAria(name, error, Boolean(hint))} {...form.register(name)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The form-level message: what went wrong that no single field explains, or that the save worked. */
export function FormStatus({ status, children }: { status?: { ok: boolean; text: string }; children?: ReactNode }) {
  return (
    <FormMessage tone={status?.ok ? "ok" : "error"} answer={status} as="div">
      {status?.text}
      {children}
    </FormMessage>
  );
}
