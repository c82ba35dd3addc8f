"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { createListingAction, updateListingAction } from "@/lib/listings/admin/actions";
import { listingSchema, type ListingData, type ListingInput } from "@/lib/listings/admin/schema";
import { FormStatus } from "./form-fields";
import { AreaPriceSection, BasicsSection, SpecsSection, TextSection } from "./listing-form-sections";
import { showServerErrors } from "@/components/ui/server-errors";
import { useRefusalText } from "@/components/ui/refusal";

type Answer =
  { ok: true; id: string; updatedAt: string } | { ok: false; fieldErrors?: Record<string, string>; error?: string };

/** The edit form's listing and its concurrency token, which the editor shares with the publish/status controls. */
export interface EditTarget {
  id: string;
  token: string;
  onSaved: (token: string) => void;
}

const FIELDS = new Set(Object.keys(listingSchema.in.shape));

/**
 * Create or edit a listing. Validates with the shared schema as staff type; the server action
 * parses it again and answers field errors, which land beside their fields.
 */
export function ListingForm({
  parks,
  defaults,
  target,
}: {
  parks: { id: string; label: string }[];
  defaults: ListingInput;
  target?: EditTarget;
}) {
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const tf = useTranslations("listingsAdmin.form");
  const router = useRouter();
  const [status, setStatus] = useState<{ ok: boolean; text: string; stale?: boolean }>();
  const tv = (key: string) => validation(key);
  const form = useForm<ListingInput, unknown, ListingData>({
    resolver: zodResolver(listingSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    // Editing, status is not a field (its controls check it against the deal on the server), so
    // the form holds a status valid for either deal and never shows an error on a field it hides.
    defaultValues: target ? { ...defaults, status: "AVAILABLE" } : defaults,
  });
  const { handleSubmit, setError, formState } = form;

  const showAnswer = (answer: Answer) => {
    if (answer.ok) return;
    if (answer.error) return setStatus({ ok: false, text: refusal(answer, tf("forbidden")) });
    const errors = Object.entries(answer.fieldErrors ?? {});
    const elsewhere = errors.filter(([field]) => !FIELDS.has(field.split(".")[0]));
    showServerErrors(setError, answer.fieldErrors ?? {}, FIELDS);
    if (elsewhere.some(([, key]) => key === "stale")) return setStatus({ ok: false, text: tf("stale"), stale: true });
    if (elsewhere.length > 0) return setStatus({ ok: false, text: tv(elsewhere[0][1]) });
    setStatus({ ok: false, text: tf("errorsSummary", { count: errors.length }) });
  };

  const onSubmit = handleSubmit(
    async () => {
      setStatus(undefined);
      // The raw input goes to the server, which parses it with the same schema.
      const raw = form.getValues();
      try {
        if (target) {
          // Status and publication have their own controls (and audit entries) on the edit page.
          const fields: Partial<ListingInput> = { ...raw };
          delete fields.status;
          delete fields.published;
          const answer: Answer = await updateListingAction({ ...fields, id: target.id, updatedAt: target.token });
          if (!answer.ok) return showAnswer(answer);
          target.onSaved(answer.updatedAt);
          setStatus({ ok: true, text: tf("saved") });
          form.reset(raw);
          router.refresh();
        } else {
          const answer: Answer = await createListingAction(raw);
          if (!answer.ok) return showAnswer(answer);
          router.push(`/crm/listings/${answer.id}?created=1`);
        }
      } catch {
        setStatus({ ok: false, text: tf("failed") });
      }
    },
    (errors) => setStatus({ ok: false, text: tf("errorsSummary", { count: Object.keys(errors).length }) }),
  );

  return (
    <form className="panel" onSubmit={onSubmit} noValidate data-testid="listing-form">
      <FormStatus status={status}>
        {status?.stale && (
          <>
            {" "}
            <button type="button" className="link-button" onClick={() => window.location.reload()}>
              {tf("reload")}
            </button>
          </>
        )}
      </FormStatus>
      <BasicsSection form={form} tv={tv} parks={parks} creating={!target} />
      <AreaPriceSection form={form} tv={tv} />
      <SpecsSection form={form} tv={tv} />
      <TextSection form={form} tv={tv} />
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? tf("saving") : target ? tf("save") : tf("create")}
      </button>
    </form>
  );
}
