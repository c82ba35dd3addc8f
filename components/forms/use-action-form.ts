"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { showServerErrors } from "@/components/ui/server-errors";
import { useRefusalText } from "@/components/ui/refusal";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";

/** What every action defined with lib/actions/define-action.ts answers, whatever else an ok answer holds. */
export type ActionAnswer =
  { ok: true } | { ok: false; fieldErrors: Record<string, string> } | { ok: false; error: "forbidden" | "unavailable" };

export type FormStatus = { ok: boolean; text: string };

interface ActionFormOptions<Input extends FieldValues, Output, Answer extends ActionAnswer> {
  /** The same schema the lib/ call parses with: the browser checks first, the server again. */
  schema: z.ZodType<Output, Input>;
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
  const refusal = useRefusalText();
  const [status, setStatus] = useState<FormStatus>();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues,
  });

  const submit = form.handleSubmit(async (parsed) => {
    setStatus(undefined);
    const typed = form.getValues();
    const answer = await options.action(typed, parsed);
    if (answer.ok) {
      const text = options.onSuccess(answer as Extract<Answer, { ok: true }>, typed, parsed);
      if (text !== undefined) setStatus({ ok: true, text });
    } else if ("error" in answer) {
      setStatus({ ok: false, text: refusal(answer, options.forbidden) });
    } else {
      const placed = showServerErrors(form.setError, answer.fieldErrors, options.fields);
      const other = Object.entries(answer.fieldErrors).find(([field]) => !placed.includes(field));
      if (other) setStatus({ ok: false, text: validation(other[1]) });
    }
  });

  return { form, submit, status };
}
