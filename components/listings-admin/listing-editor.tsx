"use client";
import { useState, type ReactNode } from "react";
import type { EditableListing } from "@/lib/listings/admin/queries";
import { ListingControls } from "./listing-controls";
import { ListingForm } from "./listing-form";

/**
 * The edit page's form and controls share one concurrency token (the listing's updatedAt as this
 * page last saw it): each save moves it on, and a change made elsewhere makes the next save "stale".
 * `children` (the photos) sit between the controls and the form.
 */
export function ListingEditor({
  listing,
  parks,
  children,
}: {
  listing: EditableListing;
  parks: { id: string; label: string }[];
  children?: ReactNode;
}) {
  const [token, setToken] = useState(listing.updatedAt);
  return (
    <>
      <ListingControls listing={listing} token={token} onSaved={setToken} />
      {children}
      <ListingForm
        parks={parks}
        defaults={listing.values}
        target={{ id: listing.id, token, onSaved: setToken, figures: listing.figures }}
      />
    </>
  );
}
