"use client";
import { useHydrated } from "@/components/ui/use-hydrated";
import { BULK_FORM_ID } from "./bulk-form-id";

/** Ticks or clears every row of this page. Rendered once scripts run, since it does nothing without them. */
export function SelectPage({ label }: { label: string }) {
  if (!useHydrated()) return <span className="visually-hidden">{label}</span>;
  return (
    <input
      type="checkbox"
      aria-label={label}
      onChange={(event) => {
        const checked = event.currentTarget.checked;
        document.querySelectorAll<HTMLInputElement>(`input[name="leadIds"][form="${BULK_FORM_ID}"]`).forEach((box) => {
          box.checked = checked;
        });
      }}
    />
  );
}
