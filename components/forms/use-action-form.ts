"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type Dispatch, type SetStateAction } from "react";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { showServerErrors } from "@/components/ui/server-errors";
import { useRefusalText } from "@/components/ui/refusal";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";

/** What every action defined with lib/actions/define-action.ts answers, whatever else an ok answer holds. */
export type ActionAnswer =
  { ok: true } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; error: "forbidden" | "unavailable" };

/** The form's own message; `stale` when someone else changed the record meanwhile, so the form offers a reload. */
export type FormStatus = { ok: boolean; text: string; stale?: boolean };

/** A message several forms share (the rows of a list and its buttons): what useFormStatus gives. */
export interface SharedStatus {
  status: FormStatus | undefined;
  setStatus: Dispatch<SetStateAction<FormStatus | undefined>>;
}

/** A server answer's field errors, sorted: `placed` beside their inputs, `other` for no input this form shows. */
export interface SortedFieldErrors {
  placed: [field: string, key: string][];
  other: [field: string, key: string][];
}

/** The browser's check: the schema the lib/ call parses with, or a resolver built on it. */
type Check<Input extends FieldValues, Output> =
  | { schema: z.ZodType<Output, Input>; resolver?: never }
  | { resolver: Resolver<Input, unknown, Output>; schema?: never };

export type ActionFormOptions<Input extends FieldValues, Output, Answer extends ActionAnswer> = Check<Input, Output> & {
  defaultValues: DefaultValues<Input>;
  /**
   * Sends the values as typed (the server parses them itself, e.g. a time read in Shanghai's clock)
   * or as the schema made them.
   */
  action: (typed: Input, parsed: Output) => Promise<Answer>;
  /** The inputs this form shows: their errors go beside them, any other field's to the form's message. */
  fields: readonly (keyof Input & string)[];
  /** The form's words for "not allowed"; the database being down has its own. */
  forbidden: string;
  /** What to say (and do, e.g. reset) once it went through; nothing said when it returns undefined. */
  onSuccess: (answer: Extract<Answer, { ok: true }>, typed: Input, parsed: Output) => string | undefined;
  /**
   * The form's message for the server's field errors once they are placed; by default the first
   * one no input shows, translated, and nothing when every error sits beside its input. `translate`
   * puts a message key in the page's language.
   */
  fieldErrorStatus?: (errors: SortedFieldErrors, translate: (key: string) => string) => FormStatus | undefined;
  /** The form's message when the browser's check refused the values (say, "3 fields need attention"). */
  onInvalid?: (errors: FieldErrors<Input>) => string | undefined;
  /** The form's message when the action could not be reached at all (no network, a server fault). */
  failed?: string;
  /**
   * Refusals (no permission, the database down, the record changed) shown by the caller instead of
   * the form's message — a dialog whose caller closes it and says why where the person is looking.
   */
  onRefused?: (text: string) => void;
  /** A message shared with other forms (the rows of one list); by default the form has its own. */
  shared?: SharedStatus;
};

/** A form's message, or one several forms and buttons share (see `shared`). */
export function useFormStatus(): SharedStatus {
  const [status, setStatus] = useState<FormStatus>();
  return { status, setStatus };
}

/**
 * A refused answer in the form's words: no permission or the database down, or else the first field
 * error none of `shown` puts beside an input. For what is not a form, a button that runs an action.
 */
export function useRefusedStatus(): (
  answer: Exclude<ActionAnswer, { ok: true }>,
  forbidden: string,
  shown?: readonly string[],
) => FormStatus | undefined {
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  return (answer, forbidden, shown = []) => {
    if ("error" in answer) return { ok: false, text: refusal(answer, forbidden) };
    const other = Object.entries(answer.fieldErrors).find(([field]) => !shown.includes(field));
    return other && { ok: false, text: validation(other[1]) };
  };
}

/**
 * The one way a client form submits to a server action: react-hook-form with the schema's resolver,
 * then the answer sorted — field errors beside their inputs (setError, the first focused), a
 * refusal or another field's error as the form's message (shown by FormMessage), success as the
 * caller words it. Field errors stay message keys; FieldError (through Field's errorKey) translates them.
 */
export function useActionForm<Input extends FieldValues, Output, Answer extends ActionAnswer>(
  options: ActionFormOptions<Input, Output, Answer>,
) {
  const validation = useValidationMessage();
  const refused = useRefusedStatus();
  const own = useFormStatus();
  const { status, setStatus } = options.shared ?? own;
  const form = useForm<Input, unknown, Output>({
    resolver: options.resolver ?? zodResolver(options.schema),
    defaultValues: options.defaultValues,
  });

  // A refusal goes to the caller when it shows refusals itself; the form's message otherwise.
  const refuse = (refusal: FormStatus | undefined) => {
    if (refusal && options.onRefused) options.onRefused(refusal.text);
    else if (refusal) setStatus(refusal);
  };

  const submit = form.handleSubmit(
    async (parsed) => {
      setStatus(undefined);
      const typed = form.getValues();
      let answer: Answer;
      try {
        answer = await options.action(typed, parsed);
      } catch (fault) {
        if (options.failed === undefined) throw fault;
        return setStatus({ ok: false, text: options.failed });
      }
      if (answer.ok) {
        const text = options.onSuccess(answer as Extract<Answer, { ok: true }>, typed, parsed);
        if (text !== undefined) setStatus({ ok: true, text });
      } else if ("error" in answer) {
        refuse(refused(answer, options.forbidden));
      } else {
        const placed = showServerErrors(form.setError, answer.fieldErrors, options.fields);
        const sorted: SortedFieldErrors = { placed: [], other: [] };
        for (const entry of Object.entries(answer.fieldErrors)) {
          (placed.includes(entry[0]) ? sorted.placed : sorted.other).push(entry);
        }
        refuse(
          options.fieldErrorStatus
            ? options.fieldErrorStatus(sorted, validation)
            : sorted.other[0] && { ok: false, text: validation(sorted.other[0][1]) },
        );
      }
    },
    (errors) => {
      const text = options.onInvalid?.(errors);
      if (text !== undefined) setStatus({ ok: false, text });
    },
  );

  return { form, submit, status, setStatus };
}
