"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "use-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { createListingAction, updateListingAction } from "@/lib/inventory/offers/actions";
import { listingSchema, type ListingInput } from "@/lib/listings/admin/schema";
import { FormStatus } from "./form-fields";
import { AreaPriceSection, BasicsSection, SpecsSection, TextSection } from "./listing-form-sections";
import { UnitsSection } from "./listing-units-section";

/** The edit form's listing and its concurrency token, which the editor shares with the publish control. */
export interface EditTarget {
  id: string;
  token: string;
  onSaved: (token: string) => void;
  /** the area and available area its units give */
  figures: { area: string; availableArea: string };
}

const FIELDS = Object.keys(listingSchema.in.shape) as (keyof ListingInput & string)[];

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
  const tf = useTranslations("listingsAdmin.form");
  const router = useRouter();
  const summary = (count: number) => tf("errorsSummary", { count });
  const { form, submit, status } = useActionForm({
    schema: listingSchema,
    defaultValues: defaults,
    // The raw input goes to the server, which parses it with the same schema.
    action: (raw) => {
      if (!target) return createListingAction(raw);
      // Publication has its own control (and audit entry) on the edit page.
      const fields: Partial<ListingInput> = { ...raw };
      delete fields.published;
      delete fields.buildingId;
      return updateListingAction({ ...fields, id: target.id, updatedAt: target.token });
    },
    fields: FIELDS,
    forbidden: tf("forbidden"),
    failed: tf("failed"),
    onInvalid: (errors) => summary(Object.keys(errors).length),
    fieldErrorStatus: ({ placed, other }, translate) => {
      if (other.some(([, key]) => key === "stale")) return { ok: false, text: tf("stale"), stale: true };
      if (other.length > 0) return { ok: false, text: translate(other[0][1]) };
      return { ok: false, text: summary(placed.length) };
    },
    onSuccess: (answer, raw) => {
      if (!target) {
        router.push(`/crm/listings/${answer.id}?created=1`);
        return undefined;
      }
      target.onSaved(answer.updatedAt);
      form.reset(raw);
      router.refresh();
      return tf("saved");
    },
  });

  return (
    <form className="panel" onSubmit={submit} noValidate data-testid="listing-form">
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
      <BasicsSection form={form} parks={parks} creating={!target} />
      <UnitsSection form={form} listingId={target?.id} figures={target?.figures} />
      <AreaPriceSection form={form} />
      <SpecsSection form={form} />
      <TextSection form={form} />
      <button className="button" type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? tf("saving") : target ? tf("save") : tf("create")}
      </button>
    </form>
  );
}
