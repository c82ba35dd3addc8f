"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { updateListingPhotoAltAction } from "@/lib/listings/admin/actions";
import type { Photo } from "./listing-photos";

type Answer = { ok: boolean; fieldErrors?: Record<string, string>; error?: string };

/** A photo's descriptions in both languages, for readers who cannot see it. */
export function PhotoAltForm({ photo, onDone }: { photo: Photo; onDone: (answer: Answer) => void }) {
  const tp = useTranslations("listingsAdmin.photos");
  const [pending, startTransition] = useTransition();
  const [alt, setAlt] = useState(photo.alt);
  const [altEn, setAltEn] = useState(photo.altEn);
  const changed = alt !== photo.alt || altEn !== photo.altEn;
  return (
    <form
      className="form-row"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => onDone(await updateListingPhotoAltAction({ photoId: photo.id, alt, altEn })));
      }}
    >
      <label>
        <span className="visually-hidden">{tp("alt")}</span>
        <input
          type="text"
          value={alt}
          maxLength={100}
          placeholder={tp("alt")}
          onChange={(event) => setAlt(event.target.value)}
        />
      </label>
      <label>
        <span className="visually-hidden">{tp("altEn")}</span>
        <input
          type="text"
          value={altEn}
          maxLength={160}
          placeholder={tp("altEn")}
          onChange={(event) => setAltEn(event.target.value)}
        />
      </label>
      {changed && (
        <button type="submit" className="button secondary" disabled={pending}>
          {tp("saveAlt")}
        </button>
      )}
    </form>
  );
}
